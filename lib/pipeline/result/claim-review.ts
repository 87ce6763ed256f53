import type { Claim, Result } from '../types';

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
 * schema.org ClaimReview without a verdict (https://schema.org/ClaimReview): no `reviewRating`, since
 * factsum finds and relates claims, it does not invent verdicts.
 */
export type ClaimReview = {
  readonly '@context': 'https://schema.org';
  readonly '@type': 'ClaimReview';
  readonly claimReviewed: string;
  readonly itemReviewed: SchemaClaim;
};

/** Corporate words in a source that make it an organisation rather than a person. */
const ORGANISATION_SOURCE =
  /\b(?:company|firm|group|ministry|department|council|government|police|union|bank|agency|authority|association|board|spokes(?:man|woman|person))\b/i;

/** The schema.org author of a claim: its attribution when named, else the article's byline, else none. */
function authorOf(claim: Claim, byline: string | undefined): SchemaClaim['author'] {
  const source =
    claim.attribution !== undefined && !claim.attribution.anonymous ? claim.attribution.source : byline;
  if (source === undefined || source.trim() === '') return undefined;
  const org = claim.entities.some((e) => e.kind === 'organisation' && source.includes(e.text));
  return {
    '@type': org || ORGANISATION_SOURCE.test(source) ? 'Organization' : 'Person',
    name: source.trim(),
  };
}

/**
 * The result's check-worthy claims as schema.org ClaimReview documents (JSON-LD), one per claim: the claim
 * text as `claimReviewed`, and as `itemReviewed` a Claim with its author (the attributed source, or the
 * byline), where it appeared (the article's URL, headline and corpus key) and the publication date. The
 * rating is left empty. A result without claims (rejected, duplicate) maps to an empty list.
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
    .map((claim) => {
      const author = authorOf(claim, article?.byline);
      return {
        '@context': 'https://schema.org',
        '@type': 'ClaimReview',
        claimReviewed: claim.text,
        itemReviewed: {
          '@type': 'Claim',
          ...(author !== undefined ? { author } : {}),
          appearance: {
            '@type': 'CreativeWork',
            ...(article?.url !== undefined ? { url: article.url } : {}),
            ...(article?.title ? { headline: article.title } : {}),
            ...(identifier !== undefined ? { identifier } : {}),
          },
          ...(datePublished !== undefined ? { datePublished } : {}),
        },
      };
    });
}
