import { toClaimReview } from '../pipeline/result';
import type { Result } from '../pipeline/types';
import type { AnalyzeArgs } from './analyze-args';
import type { LineStatus } from './worker-protocol';

/** A result's line of output: the result document, or (--output claimreview) its ClaimReview array. */
export function outputLineOf(output: AnalyzeArgs['output']): (result: Result) => string {
  return (result) => JSON.stringify(output === 'claimreview' ? toClaimReview(result) : result);
}

/** What the tally and the progress line keep of a result. */
export function lineStatusOf(result: Result): LineStatus {
  return result.error === undefined
    ? { status: result.status }
    : { status: result.status, error: { code: result.error.code } };
}
