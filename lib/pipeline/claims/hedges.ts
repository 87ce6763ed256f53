/**
 * Hedging cues: words and phrases by which a writer signals that a statement is uncertain, second-hand or
 * estimated (after the hedge-cue lists of the CoNLL-2010 shared task, Farkas et al. 2010, abridged).
 */
const HEDGE =
  /\b(?:reportedly|allegedly|purportedly|apparently|possibly|probably|perhaps|likely|unlikely|rumou?red|unconfirmed|estimated|an estimated|roughly|(?:is|are|was|were|be|been)\s+(?:expected|believed|thought|said|understood|reported|alleged|likely|set)\s+to|appears?\s+to|appeared\s+to|seems?\s+to|seemed\s+to|suggests?|suggested|sources?\s+(?:say|said|suggest)|could|might)\b/i;

/** Modal "may" in lower case only: "May" is also a month and a name. */
const MAY = /\bmay\b/;

/** Whether a sentence is hedged (reportedly, allegedly, may, might, could, is expected to, appears to, estimated …). */
export function isHedged(sentence: string): boolean {
  return HEDGE.test(sentence) || MAY.test(sentence);
}
