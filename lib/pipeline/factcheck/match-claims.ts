import modelJson from '../../models/factcheck-match.json';
import type { FactCheckMatch } from '../types';
import { calibrate, type MatchModel, parseMatchModel, scoreLinear } from './match-model';
import type { FactCheckRecord } from './record';
import { computeFeatures, type RecordView, viewQuery, viewRecord } from './rerank-features';
import type { FactCheckIndex } from './search-index';
import { createTermRarity, type TermRarity } from './term-rarity';

/** The shipped re-ranker (lib/models/factcheck-match.json, written by eval/train-match.ts). */
export const MATCH_MODEL: MatchModel = parseMatchModel(modelJson);

/** A library record ranked for a query. */
export type RankedFactCheck = { readonly record: FactCheckRecord; readonly score: number };

export type RankOptions = {
  readonly model?: MatchModel;
  /** ISO date of the text (an article's publication date), used when the text itself states none. */
  readonly date?: string;
};

/**
 * Record views (terms, entities, dates) computed once per record and kept with the loaded index: a warm
 * function re-ranks the same popular records again and again. Bounded so that a huge library cannot grow it
 * without limit; when full it starts again.
 */
const MAX_CACHED_VIEWS = 200_000;
const viewCaches = new WeakMap<FactCheckIndex, Map<number, RecordView>>();
const rarities = new WeakMap<FactCheckIndex, WeakMap<MatchModel, TermRarity>>();

/** The term rarity of an index under a model's background, made once per pair. */
function rarityOf(index: FactCheckIndex, model: MatchModel): TermRarity {
  let byModel = rarities.get(index);
  if (byModel === undefined) {
    byModel = new WeakMap();
    rarities.set(index, byModel);
  }
  let rarity = byModel.get(model);
  if (rarity === undefined) {
    rarity = createTermRarity(
      { documents: index.records.length, documentFrequency: index.documentFrequency },
      model.background,
    );
    byModel.set(model, rarity);
  }
  return rarity;
}

function recordViews(index: FactCheckIndex): (position: number) => RecordView {
  let cache = viewCaches.get(index);
  if (cache === undefined) {
    cache = new Map();
    viewCaches.set(index, cache);
  }
  const views = cache;
  return (position) => {
    const cached = views.get(position);
    if (cached !== undefined) return cached;
    const record = index.records[position];
    const view = viewRecord(record ?? { id: '', claimReviewed: '' });
    if (views.size >= MAX_CACHED_VIEWS) views.clear();
    views.set(position, view);
    return view;
  };
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/**
 * The first stage's candidates for a text re-ranked by the model, best first, each with its calibrated
 * probability (ties by id, so the order repeats exactly).
 */
export function rankFactChecks(
  index: FactCheckIndex,
  text: string,
  options: RankOptions = {},
): RankedFactCheck[] {
  const model = options.model ?? MATCH_MODEL;
  const candidates = index.search(text, model.candidates);
  if (candidates.length === 0) return [];
  const query = viewQuery(text, options.date);
  const features = computeFeatures(query, candidates, recordViews(index), rarityOf(index, model));
  const ranked: (RankedFactCheck & { readonly raw: number })[] = [];
  candidates.forEach((candidate, i) => {
    const record = index.records[candidate.position];
    const vector = features[i];
    if (record === undefined || vector === undefined) return;
    const raw = scoreLinear(model, vector);
    ranked.push({ record, raw, score: round3(calibrate(model, raw)) });
  });
  // By the unrounded score: candidates that all round to 0.000 keep the model's order.
  ranked.sort((a, b) => b.raw - a.raw || (a.record.id < b.record.id ? -1 : 1));
  return ranked.map(({ record, score }) => ({ record, score }));
}

/** Matches shown per claim at most: a claim is rarely checked more than a few times, and a reviewer reads few. */
export const MAX_MATCHES_PER_CLAIM = 3;

export type MatchOptions = RankOptions & {
  /** Probability from which a fact-check is a match (default: the model's calibrated threshold). */
  readonly threshold?: number;
  readonly maxPerClaim?: number;
};

/** The part of a record a result document shows. */
function toMatch(record: FactCheckRecord, score: number): FactCheckMatch {
  const { id, claimReviewed, rating, publisher, url, date, licence } = record;
  return {
    id,
    claimReviewed,
    ...(rating === undefined ? {} : { rating }),
    ...(publisher === undefined ? {} : { publisher }),
    ...(url === undefined ? {} : { url }),
    ...(date === undefined ? {} : { date }),
    ...(licence === undefined ? {} : { licence }),
    score,
  };
}

/**
 * The published fact-checks that match each claim, best first, only those at or above the threshold (an
 * unrelated claim gets none): one list per claim, in the claims' order.
 */
export function matchClaims(
  claims: readonly { readonly text: string }[],
  index: FactCheckIndex,
  options: MatchOptions = {},
): FactCheckMatch[][] {
  const model = options.model ?? MATCH_MODEL;
  const threshold = options.threshold ?? model.threshold;
  const max = options.maxPerClaim ?? MAX_MATCHES_PER_CLAIM;
  return claims.map((claim) =>
    rankFactChecks(index, claim.text, options)
      .filter((hit) => hit.score >= threshold)
      .slice(0, max)
      .map((hit) => toMatch(hit.record, hit.score)),
  );
}

/**
 * Claims with their matches attached as `factChecks` (lists as matchClaims returns them, one per claim in the
 * same order); a claim without matches is returned as it was, with no empty field.
 */
export function withFactChecks<C extends { readonly text: string }>(
  claims: readonly C[],
  lists: readonly (readonly FactCheckMatch[])[],
): (C & { readonly factChecks?: readonly FactCheckMatch[] })[] {
  return claims.map((claim, i) => {
    const matches = lists[i];
    return matches === undefined || matches.length === 0 ? claim : { ...claim, factChecks: matches };
  });
}
