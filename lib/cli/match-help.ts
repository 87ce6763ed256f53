// The help apart from the command, so that `factsum help` loads no search index code.

export const MATCH_HELP = `factsum match: rank a fact-check library's records for each query.

Usage:
  factsum match --library FILE [--top N] < queries.jsonl

Reads JSON Lines {"id","text"} on stdin and prints one line per query, in order:
{"id","matches":[{"id","score"}, ...]}, at least N matches (default 5), best first. score is the
calibrated probability (0..1) that the fact-check checks the query's claim; records the search does
not reach at all are listed after the others with score 0. FILE is an index written by
'factsum library import' or a feed (ClaimReview JSON-LD or JSON Lines) imported on the fly.
A line that is not {"id","text"} is reported on stderr and skipped (exit code 1).`;
