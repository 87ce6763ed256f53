import { parseReportResult, type ReportResult } from './report-schema';

/**
 * The small record of one result that the corpus view (`GET /`) reads instead of the whole result: title,
 * dates, status, dedup verdict, and of the claims only their text and their conflicts. A result holds the
 * article's full text (up to the input limit) and every claim's mentions; reading hundreds of them to draw one
 * index page took the API to 760 MB. A digest is a few kilobytes and still a valid result for the reports.
 */
export type CorpusDigest = ReportResult;

/** The digest of a result document; undefined when it is not a result the reports can read. */
export function toCorpusDigest(value: unknown): CorpusDigest | undefined {
  const result = parseReportResult(value);
  if (result === undefined) return undefined;
  const { summary: _summary, article, claims, ...rest } = result;
  return {
    ...rest,
    ...(article === undefined
      ? {}
      : {
          article: {
            title: article.title,
            text: '',
            ...(article.published === undefined ? {} : { published: article.published }),
          },
        }),
    ...(claims === undefined
      ? {}
      : {
          claims: claims.map((claim) => {
            const conflicts = (claim.related ?? []).filter((related) => related.relation === 'conflicts');
            return {
              text: claim.text,
              start: claim.start,
              end: claim.end,
              score: claim.score,
              checkworthy: claim.checkworthy,
              types: [],
              entities: [],
              numbers: [],
              dates: [],
              frames: [],
              hedged: claim.hedged,
              ...(conflicts.length === 0 ? {} : { related: conflicts }),
            };
          }),
        }),
  };
}
