import type { Claim, FactCheckMatch, Result } from '../types';

/** schema.org Claim: a statement as it appeared somewhere (https://schema.org/Claim). */
export type SchemaClaim = {
  readonly '@type': 'Claim';
  readonly author?: { readonly '@type': 'Person' | 'Organization'; readonly name: string };
  readonly appearance: {
    readonly '@type': 'CreativeWork';
    readonly url?: string;
    readonly headline?: string;
    readonly identifier?: string;
  };
  readonly datePublished?: string;
};

/**
 * schema.org ClaimReview (https://schema.org/ClaimReview). factsum's own has no `reviewRating`: factsum finds
 * and relates claims, it never invents a verdict. A published fact-check matched to the claim is passed on as
 * its publisher wrote it: their URL, their wording of the claim, their name, date and rating, unchanged.
 */
export type ClaimReview = {
  readonly '@context': 'https://schema.org';
  readonly '@type': 'ClaimReview';
  readonly claimReviewed: string;
  readonly itemReviewed: SchemaClaim;
  readonly url?: string;
  readonly author?: { readonly '@type': 'Organization'; readonly name: string };
  readonly datePublished?: string;
  readonly reviewRating?: { readonly '@type': 'Rating'; readonly alternateName: string };
};

/** A matched published fact-check as the ClaimReview its publisher gave, reviewing this claim's appearance. */
function publishedReview(match: FactCheckMatch, itemReviewed: SchemaClaim): ClaimReview {
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    claimReviewed: match.claimReviewed,
    itemReviewed,
    ...(match.url === undefined ? {} : { url: match.url }),
    ...(match.publisher === undefined ? {} : { author: { '@type': 'Organization', name: match.publisher } }),
    ...(match.date === undefined ? {} : { datePublished: match.date }),
    ...(match.rating === undefined
      ? {}
      : { reviewRating: { '@type': 'Rating', alternateName: match.rating } }),
  };
}

/** Corporate words in a source that make it an organisation rather than a person. */
const ORGANISATION_SOURCE =
  /\b(?:company|firm|group|ministry|department|council|government|police|union|bank|agency|authority|association|board|spokes(?:man|woman|person))\b/i;

/** The schema.org author of a claim: its attribution when named, else the article's byline, else none. */
function authorOf(claim: Claim, byline: string | undefined): SchemaClaim['author'] {
  const source =
    claim.attribution !== undefined && !claim.attribution.anonymous ? claim.attribution.source : byline;
  if (source === undefined || source.trim() === '') return undefined;
  const org = claim.entities.some((e) => e.type === 'organization' && source.includes(e.text));
  return {
    '@type': org || ORGANISATION_SOURCE.test(source) ? 'Organization' : 'Person',
    name: source.trim(),
  };
}

/**
 * The result's check-worthy claims as schema.org ClaimReview documents (JSON-LD), one per claim: the claim
 * text as `claimReviewed`, and as `itemReviewed` a Claim with its author (the attributed source, or the
 * byline), where it appeared (the article's URL, headline and corpus key) and the publication date; factsum's
 * own review leaves the rating empty. Each published fact-check matched to the claim follows it, as published
 * (publisher, URL, date, rating). A result without claims (rejected, duplicate) maps to an empty list.
 */
export function toClaimReview(result: Result): ClaimReview[] {
  const article = result.article;
  const identifier =
    result.source.bucket !== undefined && result.source.key !== undefined
      ? `s3://${result.source.bucket}/${result.source.key}`
      : result.source.path;
  const datePublished = article?.published ?? result.source.uploadedAt;
  return (result.claims ?? [])
    .filter((claim) => claim.checkworthy)
    .flatMap((claim) => {
      const author = authorOf(claim, article?.byline);
      const itemReviewed: SchemaClaim = {
        '@type': 'Claim',
        ...(author !== undefined ? { author } : {}),
        appearance: {
          '@type': 'CreativeWork',
          ...(article?.url !== undefined ? { url: article.url } : {}),
          ...(article?.title ? { headline: article.title } : {}),
          ...(identifier !== undefined ? { identifier } : {}),
        },
        ...(datePublished !== undefined ? { datePublished } : {}),
      };
      const own: ClaimReview = {
        '@context': 'https://schema.org',
        '@type': 'ClaimReview',
        claimReviewed: claim.text,
        itemReviewed,
      };
      return [own, ...(claim.factChecks ?? []).map((match) => publishedReview(match, itemReviewed))];
    });
}
