/**
 * Shared data shapes of the factsum pipeline. Everything here is readonly plain data:
 * the stages take these in and hand new values out, they never mutate.
 */

/** The input formats factsum understands. */
export type InputFormat = 'text' | 'markdown' | 'html' | 'json';

/** Why an input was rejected; stable codes that callers may switch on. */
export type RejectCode =
  | 'EMPTY'
  | 'BINARY'
  | 'TOO_LARGE'
  | 'UNDECODABLE'
  | 'MALFORMED'
  | 'NO_TEXT'
  /** Text that is not one article: a page of teasers, a list or index page, a login wall, an error page. */
  | 'NOT_ARTICLE'
  | 'UNSUPPORTED_FORMAT'
  /** The CLI could not read a local file (missing, a directory, no permission). */
  | 'UNREADABLE';

/** A rejection is an expected outcome, carried as a value. */
export type Rejection = { readonly kind: 'rejected'; readonly code: RejectCode; readonly message: string };

/** Text decoded from bytes, with the encoding that was used. */
export type Decoded = {
  readonly kind: 'decoded';
  readonly text: string;
  /** e.g. 'utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1252' */
  readonly encoding: string;
};

/** What a format parser found before cleaning: title, body and metadata. */
export type ParsedDocument = {
  readonly kind: 'parsed';
  readonly format: InputFormat;
  readonly title: string;
  /** Body as paragraphs separated by blank lines ("\n\n"); not yet de-duplicated or cleaned. */
  readonly body: string;
  readonly url?: string;
  /** ISO 8601 date or date-time, when the document states one. */
  readonly published?: string;
  readonly language?: string;
  readonly byline?: string;
  /** What extraction cut to stay within the work budget (an HTML tree too deep or too large). */
  readonly truncated?: readonly Truncation[];
};

/**
 * Something a work-budget cap cut (lib/pipeline/work-budget.ts): the stage, why, and how many of how many
 * units (sentences, claims, elements, mentions) were kept.
 */
export type Truncation = {
  readonly stage: string;
  readonly reason: string;
  readonly kept: number;
  readonly total: number;
};

/** Set on a result when some stage ran out of work budget on this input; absent when nothing was cut. */
export type Limits = { readonly truncated: readonly Truncation[] };

/** The clean article body that every downstream stage works on. */
export type Article = {
  readonly title: string;
  /** Clean body: paragraphs joined by "\n\n". All offsets in results point into this string. */
  readonly text: string;
  readonly published?: string;
  readonly language?: string;
  readonly url?: string;
  readonly byline?: string;
  readonly wordCount: number;
  readonly removed: {
    readonly repeatedParagraphs: number;
    readonly boilerplateBlocks: number;
    /** Sentences dropped because the article already said them (a repeated body glued to a neighbour). */
    readonly repeatedSentences?: number;
    /** Unrelated stories found below the article and left out of it: how many, their paragraphs, the first one's first line. */
    readonly appendedStories?: {
      readonly count: number;
      readonly paragraphs: number;
      readonly firstLine: string;
    };
  };
};

/** A sentence with exact offsets into Article.text: text === article.text.slice(start, end). */
export type Sentence = { readonly text: string; readonly start: number; readonly end: number };

/**
 * Why a sentence is in the summary: where it sits, how central it is, how much of the headline it repeats,
 * and the features that added most to its score. Numbers rounded to 2 decimals.
 */
export type SummaryWhy = {
  /** Index of the sentence in the article (0 = first). */
  readonly position: number;
  /** Whether it is the detected lede: the first sentence of the body that is not a caption, byline or teaser. */
  readonly lede: boolean;
  /** LexRank centrality relative to the article's most central sentence, 0..1. */
  readonly centrality: number;
  /** Share of the headline's content terms it repeats, 0..1 (0 without a headline). */
  readonly headline: number;
  /** The features that added most to its log-odds, largest first (at most three, each > 0). */
  readonly top: readonly { readonly feature: string; readonly logit: number }[];
};

export type SummarySentence = Sentence & { readonly score: number; readonly why?: SummaryWhy };

export type ClaimType = 'numeric' | 'temporal' | 'quote' | 'attribution' | 'comparison' | 'causal' | 'event';

/** CoNLL-2003's PER, ORG, LOC and MISC. */
export type EntityType = 'person' | 'organization' | 'place' | 'other';

/** A named entity mentioned in the article. */
export type Entity = {
  /** The mention as written: text === article.text.slice(start, end). */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly type: EntityType;
  /**
   * The article-level name of what the mention refers to: "Ahmed al-Sharaa" for "Sharaa", "al-Sharaa" or
   * "the Syrian president" in an article that names him in full; the mention itself when it stands alone.
   */
  readonly canonical: string;
};

export type NumberUnit = 'percent' | 'currency' | 'count';
export type NumberMention = {
  readonly text: string;
  readonly value: number;
  readonly unit: NumberUnit;
  /** ISO 4217 code for currency amounts, when known. */
  readonly currency?: string;
};

export type DateMention = {
  readonly text: string;
  /** ISO 8601 (YYYY, YYYY-MM or YYYY-MM-DD), when it could be resolved. */
  readonly value?: string;
  /** The date a relative expression was resolved against, and where it came from. */
  readonly reference?: { readonly date: string; readonly source: 'published' | 'uploaded' };
  /** Set when `value` stands for a longer period than its precision says: 'week' = the ISO week starting on that Monday. */
  readonly granularity?: 'week';
};

export type Attribution = {
  /** Who asserts it, as written ("the minister", "Ms Patel", "sources"). */
  readonly source: string;
  readonly verb: string;
  readonly anonymous: boolean;
};

/** A part of a claim frame as written, with offsets into the article text. */
export type FramePart = { readonly text: string; readonly start: number; readonly end: number };

/** How a value is hedged: "more than 4 million" is compatible with 4.2 million, "up to 20" is not with 45. */
export type ValueQualifier = 'more-than' | 'at-least' | 'about' | 'nearly' | 'less-than' | 'at-most';

/**
 * What one value of a claim states: the subject it is about, the measure it quantifies, the value and the
 * period it is for. Two claims are comparable when subject, measure and time are the same.
 */
export type ClaimFrame = {
  /** The entity, place or noun phrase the value is about ("Port of Calloway", "the port district"). */
  readonly subject: FramePart & {
    /** Normalised keys: an entity's keys ("ana-ruiz", "ruiz") or the noun phrase's ("port-district"). */
    readonly keys: readonly string[];
    /** Persons' full names ("ana-ruiz"): two subjects with full names are one only if they share one. */
    readonly fullNames: readonly string[];
    /** Keys of the other names in the value's clause ("brintley" of "Okafor was elected mayor of Brintley"): a subject named there meets this one. */
    readonly alsoNamed?: readonly string[];
    /** 'entity' (named in the claim), 'speaker' (the only name is who says it) or 'noun' (a common noun phrase). */
    readonly kind: 'entity' | 'speaker' | 'noun';
  };
  /** What the value quantifies, as written ("handled containers"); `key` normalised ("container", "die", "unemployment:change"). */
  readonly measure: FramePart & { readonly key: string; readonly verb?: string };
  /** The value as written, with its qualifier ("more than 4 million"). */
  readonly value: FramePart & {
    readonly kind: 'number' | 'date';
    /** 'count', 'percent', 'points', 'currency:<ISO 4217>', 'rank', 'age', 'duration' (days) or 'date'. */
    readonly unit: string;
    readonly amount?: number;
    /** Half the unit of the last stated digit: "4.2 million" is 4.2 million ± 50,000. */
    readonly precision?: number;
    readonly qualifier?: ValueQualifier;
    /** ISO 8601 date value (YYYY, YYYY-MM or YYYY-MM-DD) of a date. */
    readonly date?: string;
  };
  /** The period the value is for ("in 2025", "last week"), not when it was said; ISO 8601, '/week' for a week. */
  readonly time?: FramePart & { readonly value: string };
};

/**
 * A claim of another article in the corpus that states the same measure of the same subject for the same
 * time (their frames): `corroborates` when the values agree within the precision and qualifiers stated,
 * `conflicts` when they do not.
 */
export type RelatedClaim = {
  readonly relation: 'corroborates' | 'conflicts';
  /** The other article's corpus id (`bucket/key`). */
  readonly articleId: string;
  /** Position of the other claim in that article's `claims`. */
  readonly claimIndex: number;
  readonly claimText: string;
  /** When the other article was uploaded (ISO 8601): its place in the corpus order. */
  readonly uploadedAt: string;
  /** Normalised subject keys both claims share. */
  readonly entities: readonly string[];
  /** The value the relation rests on: this claim's value and the other's, and what made them comparable. */
  readonly on: {
    readonly kind: 'number' | 'date';
    readonly unit: string;
    readonly value: string;
    readonly otherValue: string;
    /** The measure both values are of, as this claim writes it ("handled containers"). */
    readonly measure?: string;
    /** The subject, as this claim writes it. */
    readonly subject?: string;
    /** The period both values are for (ISO 8601), absent when neither claim states one. */
    readonly time?: string;
  };
};

/**
 * A published fact-check (schema.org ClaimReview) from the deployment's library that checks the same claim:
 * rating, publisher, URL and date exactly as the fact-checker published them; factsum never writes a verdict.
 */
export type FactCheckMatch = {
  /** The library record's id (stable across re-imports). */
  readonly id: string;
  /** The claim as the fact-checker worded it. */
  readonly claimReviewed: string;
  readonly rating?: string;
  readonly publisher?: string;
  readonly url?: string;
  readonly date?: string;
  /** The terms under which the deployment holds the fact-check, as its importer set them. */
  readonly licence?: string;
  /** Probability (0..1, 3 decimals) that the fact-check checks this claim; only those above the threshold. */
  readonly score: number;
};

/** A check-worthy (or scored) factual statement of the article. */
export type Claim = {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** 0..1, rounded to 3 decimals. */
  readonly score: number;
  readonly checkworthy: boolean;
  readonly types: readonly ClaimType[];
  readonly entities: readonly Entity[];
  readonly numbers: readonly NumberMention[];
  readonly dates: readonly DateMention[];
  readonly attribution?: Attribution;
  readonly hedged: boolean;
  /** What each value of the claim states (subject, measure, value, time); absent in results written before frames. */
  readonly frames?: readonly ClaimFrame[];
  /** Claims of other, non-duplicate articles that corroborate or conflict with this one. */
  readonly related?: readonly RelatedClaim[];
  /** Published fact-checks of the same claim from the deployment's library, best first. */
  readonly factChecks?: readonly FactCheckMatch[];
};

/** Score of one sentence for check-worthiness, as `factsum claims` prints it. */
export type SentenceScore = {
  readonly text: string;
  readonly score: number;
  readonly checkworthy: boolean;
  readonly types: readonly ClaimType[];
};

export type DedupVerdict =
  | {
      readonly kind: 'unique';
      /**
       * An earlier article this one nearly copies but that states other figures (a changed death toll, a
       * corrected amount): not a duplicate, since the two disagree on a fact, so it is analysed and its claims
       * are related to that article's. Absent when there is none.
       */
      readonly nearCopyOf?: string;
      readonly similarity?: number;
      readonly differs?: 'figures';
    }
  | { readonly kind: 'exact'; readonly of: string; readonly similarity?: number }
  | { readonly kind: 'near'; readonly of: string; readonly similarity: number };

export type ResultStatus = 'processed' | 'duplicate' | 'rejected';

export type SourceInfo = {
  readonly bucket?: string;
  readonly key?: string;
  readonly path?: string;
  readonly etag?: string;
  readonly versionId?: string;
  readonly size: number;
  /** SHA-256 of the input bytes; absent only when the input was too large to read. */
  readonly sha256?: string;
  readonly contentType?: string;
  /** When the object was uploaded (S3 eventTime), ISO 8601. */
  readonly uploadedAt?: string;
};

/** The result document, schemaVersion 1. Field names may grow, never change meaning. */
export type Result = {
  readonly schemaVersion: 1;
  readonly source: SourceInfo;
  readonly status: ResultStatus;
  readonly error?: { readonly code: RejectCode; readonly message: string };
  readonly article?: Article & { readonly format: InputFormat; readonly encoding: string };
  readonly dedup: DedupVerdict;
  readonly summary?: { readonly sentences: readonly SummarySentence[] };
  readonly claims?: readonly Claim[];
  /** What the work budget cut on this input (huge pages, sentences, claim lists); absent when nothing was. */
  readonly limits?: Limits;
  readonly timings: Readonly<Record<string, number>>;
};
