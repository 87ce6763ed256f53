import type { InputFormat, SummaryOptions } from '../pipeline';
import type { ServiceConfig } from '../service';
import type { Settings } from './settings';

/** The service core's settings from the validated settings, with per-run overrides (CLI flags, `--force`). */
export function serviceConfigOf(
  settings: Pick<Settings, 'maxInputBytes' | 'summary' | 'summaryRules' | 'nearThreshold'>,
  overrides: {
    readonly summary?: SummaryOptions;
    readonly reprocess?: boolean;
    readonly format?: InputFormat;
  } = {},
): ServiceConfig {
  const summary = overrides.summary ?? settings.summary;
  return {
    maxBytes: settings.maxInputBytes,
    nearThreshold: settings.nearThreshold,
    summaryRules: settings.summaryRules,
    ...(summary === undefined ? {} : { summary }),
    ...(overrides.reprocess === undefined ? {} : { reprocess: overrides.reprocess }),
    ...(overrides.format === undefined ? {} : { format: overrides.format }),
  };
}
