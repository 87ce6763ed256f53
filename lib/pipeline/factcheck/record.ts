import { sha256Hex } from '../dedup/fingerprint';

/** A numeric rating as published in a ClaimReview's reviewRating (https://schema.org/Rating). */
export type RatingScale = {
  readonly ratingValue: string | number;
  readonly bestRating?: string | number;
  readonly worstRating?: string | number;
};

/**
 * One published fact-check in the library. Everything but `id` is kept exactly as the publisher wrote it:
 * factsum never invents or changes a rating, a URL or a date.
 */
export type FactCheckRecord = {
  /** Stable: the input's own id, else derived from the review's URL and claim (see recordIdOf). */
  readonly id: string;
  /** The claim that was checked (ClaimReview `claimReviewed`). */
  readonly claimReviewed: string;
  /** The review's headline (ClaimReview `headline` or `name`). */
  readonly title?: string;
  /** A longer description of the review (ClaimReview `description`). */
  readonly subtitle?: string;
  /** The verdict in words (reviewRating `alternateName`, or a JSON Lines `rating`). */
  readonly rating?: string;
  /** The numeric verdict and its scale, when the publisher gave one. */
  readonly ratingScale?: RatingScale;
  /** Who published the review (ClaimReview `author` or `publisher` name). */
  readonly publisher?: string;
  readonly url?: string;
  /** When the review was published (ClaimReview `datePublished`), as written. */
  readonly date?: string;
  readonly language?: string;
  /** The terms under which the library holds this record, set by whoever imported it. */
  readonly licence?: string;
};

/** Hex digits of SHA-256 kept in a derived id: 64 bits, no collision among a billion records in practice. */
const DERIVED_ID_HEX = 16;

/**
 * The id of a record: its own id when the input gives one, else `fc-` and a hash of the review's URL and the
 * claim it checks, so that importing the same feed again yields the same ids.
 */
export function recordIdOf(ownId: string | undefined, url: string | undefined, claim: string): string {
  if (ownId !== undefined && ownId.trim() !== '') return ownId.trim();
  return `fc-${sha256Hex(`${url ?? ''}\n${claim}`).slice(0, DERIVED_ID_HEX)}`;
}
