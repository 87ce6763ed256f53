import { type FactCheckRecord, type RatingScale, recordIdOf } from './record';
import { checkClaim, checkDate, checkText, checkUrl, describe, type FieldCheck } from './record-fields';

/*
 * schema.org ClaimReview (https://schema.org/ClaimReview) as fact-checkers publish it: one object in a page's
 * JSON-LD, a list of them, a `@graph`, or a DataFeed (https://schema.org/DataFeed) whose `dataFeedElement`
 * holds ClaimReviews directly or as the `item` of DataFeedItems.
 */

/** A ClaimReview found in a document, with where it sits (a JSON path such as `dataFeedElement[2].item[0]`). */
export type FoundReview = { readonly node: Readonly<Record<string, unknown>>; readonly path: string };

/** Nesting followed at most: feeds nest three or four levels; deeper input is not a feed. */
const MAX_DEPTH = 12;

const isObject = (v: unknown): v is Readonly<Record<string, unknown>> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The schema.org type names of a node (`@type` may be one name or a list, bare or as a schema.org IRI). */
function typesOf(node: Readonly<Record<string, unknown>>): string[] {
  const raw = node['@type'];
  const list = Array.isArray(raw) ? raw : [raw];
  return list
    .filter((t): t is string => typeof t === 'string')
    .map((t) => t.replace(/^(?:https?:\/\/schema\.org\/|schema:)/, ''));
}

/** Properties that hold further nodes in feeds and pages. */
const CONTAINERS = ['@graph', 'dataFeedElement', 'item', 'mainEntity', 'hasPart'] as const;

/**
 * Every ClaimReview in a parsed JSON-LD document, in document order, and how many other typed nodes were passed
 * over (pages, organisations, feed items without a review).
 */
export function findClaimReviews(document: unknown): {
  readonly reviews: FoundReview[];
  readonly others: number;
} {
  const reviews: FoundReview[] = [];
  let others = 0;
  const visit = (value: unknown, path: string, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        visit(item, `${path}[${i}]`, depth + 1);
      });
      return;
    }
    if (!isObject(value)) return;
    if (typesOf(value).includes('ClaimReview')) {
      reviews.push({ node: value, path: path === '' ? '$' : path });
      return;
    }
    let contained = false;
    for (const key of CONTAINERS) {
      if (value[key] === undefined) continue;
      contained = true;
      visit(value[key], path === '' ? key : `${path}.${key}`, depth + 1);
    }
    if (!contained && value['@type'] !== undefined) others++;
  };
  visit(document, '', 0);
  return { reviews, others };
}

/** The name of an author or publisher: a string, a Person/Organization with `name`, or the first of a list. */
function nameOf(value: unknown): unknown {
  const first = Array.isArray(value) ? value[0] : value;
  return isObject(first) ? first.name : first;
}

/** A language: a code string, or a Language node with `alternateName` or `name`. */
function languageOf(value: unknown): unknown {
  return isObject(value) ? (value.alternateName ?? value.name) : value;
}

type Rating = { readonly rating?: string; readonly ratingScale?: RatingScale };

/** The verdict of a reviewRating, exactly as published: its words and its numeric scale, when given. */
function checkRating(value: unknown): FieldCheck<Rating> {
  if (value === undefined || value === null) return { ok: true, value: undefined };
  if (!isObject(value))
    return { ok: false, reason: `reviewRating must be a Rating object, not ${describe(value)}` };
  const words = checkText('reviewRating.alternateName', value.alternateName);
  if (!words.ok) return words;
  const scalar = (v: unknown) => typeof v === 'string' || typeof v === 'number';
  const { ratingValue, bestRating, worstRating } = value;
  if (ratingValue !== undefined && !scalar(ratingValue)) {
    return {
      ok: false,
      reason: `reviewRating.ratingValue must be a number or text, not ${describe(ratingValue)}`,
    };
  }
  if (words.value === undefined && ratingValue === undefined) {
    return { ok: false, reason: 'reviewRating has neither alternateName nor ratingValue' };
  }
  const ratingScale =
    typeof ratingValue === 'string' || typeof ratingValue === 'number'
      ? {
          ratingValue,
          ...(typeof bestRating === 'string' || typeof bestRating === 'number' ? { bestRating } : {}),
          ...(typeof worstRating === 'string' || typeof worstRating === 'number' ? { worstRating } : {}),
        }
      : undefined;
  return {
    ok: true,
    value: {
      ...(words.value === undefined ? {} : { rating: words.value }),
      ...(ratingScale ? { ratingScale } : {}),
    },
  };
}

/** A record from one ClaimReview node, or the first reason it cannot be one. */
export function recordFromClaimReview(
  node: Readonly<Record<string, unknown>>,
  licence: string | undefined,
): FieldCheck<FactCheckRecord> {
  const claim = checkClaim('claimReviewed', node.claimReviewed);
  if (!claim.ok || claim.value === undefined) return claim.ok ? { ok: false, reason: 'no claim' } : claim;
  const rating = checkRating(node.reviewRating);
  if (!rating.ok) return rating;
  const texts = {
    url: checkUrl('url', node.url),
    date: checkDate('datePublished', node.datePublished),
    title: checkText('headline', node.headline ?? node.name),
    subtitle: checkText('description', node.description),
    publisher: checkText('author.name', nameOf(node.author) ?? nameOf(node.publisher)),
    language: checkText('inLanguage', languageOf(node.inLanguage)),
    licence: checkText('license', licence ?? node.license),
    ownId: checkText('@id', node['@id'] ?? node.identifier),
  };
  const values: Partial<Record<keyof typeof texts, string>> = {};
  for (const [key, check] of Object.entries(texts)) {
    if (!check.ok) return check;
    if (check.value !== undefined && key in texts) values[key as keyof typeof texts] = check.value;
  }
  const { ownId, ...fields } = values;
  return {
    ok: true,
    value: {
      id: recordIdOf(ownId, fields.url, claim.value),
      claimReviewed: claim.value,
      ...fields,
      ...(rating.value ?? {}),
    },
  };
}
