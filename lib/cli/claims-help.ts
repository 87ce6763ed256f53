export const CLAIMS_HELP = `factsum claims: score sentences read from stdin for check-worthiness.

Usage:
  factsum claims < sentences.txt

Prints {"text","score","checkworthy","types"} per non-blank input line, in order.`;
