import type { ClaimType } from '../types';

/** Comparatives, superlatives and comparison frames. */
const COMPARISON =
  /\b(?:more|less|fewer|higher|lower|larger|smaller|bigger|greater|better|worse|faster|slower|cheaper|most|least|biggest|largest|highest|lowest|best|worst|record|compared (?:with|to)|versus|twice|double[sd]?|tripled?|half as|outpaced|overtook|\w{3,}er than|than)\b/i;
/** Cause and effect markers. */
const CAUSAL =
  /\b(?:because|due to|caused?|causing|led to|leads? to|leading to|as a result|result(?:ed|s)? in|owing to|thanks to|blamed? (?:on|for)|triggered|sparked|fuelled|fueled|driven by|attributed to|therefore|consequently|hence)\b/i;
/** Past-tense actions that report an event. */
const EVENT =
  /\b(?:announced|launched|killed|died|won|lost|elected|signed|arrested|charged|resigned|appointed|acquired|bought|sold|merged|closed|opened|banned|approved|rejected|passed|voted|attacked|injured|fired|sacked|sued|convicted|jailed|released|collapsed|filed|agreed|completed|invaded|withdrew|raised|cut|rose|fell|jumped|dropped|slumped|surged|posted|reported|hit|struck)\b/i;
/** A quotation of at least three words, closed or running to the end of the sentence. */
const QUOTE = /["“][^"“”]*?\S+\s+\S+\s+\S+[^"“”]*(?:["”]|$)/;

/** What a sentence has been found to contain, for typing it. */
export type TypeEvidence = {
  readonly numbers: number;
  readonly dates: number;
  readonly attributed: boolean;
};

/** Claim types of a sentence, in a fixed order: numeric, temporal, quote, attribution, comparison, causal, event. */
export function classifyClaim(sentence: string, evidence: TypeEvidence): ClaimType[] {
  const types: ClaimType[] = [];
  if (evidence.numbers > 0) types.push('numeric');
  if (evidence.dates > 0) types.push('temporal');
  if (QUOTE.test(sentence)) types.push('quote');
  if (evidence.attributed) types.push('attribution');
  if (COMPARISON.test(sentence)) types.push('comparison');
  if (CAUSAL.test(sentence)) types.push('causal');
  if (EVENT.test(sentence)) types.push('event');
  return types;
}
