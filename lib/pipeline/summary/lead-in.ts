/**
 * The metadata block that opens an article in the text dumps of news archives, where the page's byline and
 * time stamps were flattened into the body with " . " between the fields:
 *
 *   By . Ella Marsh . PUBLISHED: . 11:42 EST, 3 March 2014 . | . UPDATED: . 12:15 EST, 3 March 2014 . A council …
 *   Last updated at 4:12 PM on 3rd March 2014 . A council …
 *
 * This is how the older Daily Mail stories of the CNN/DailyMail corpus (Hermann et al. 2015, "Teaching Machines
 * to Read and Comprehend") and many scraped copies read. Segmented, each field is a "sentence" ("By .",
 * "Ella Marsh .", "PUBLISHED: .", "11:42 EST, 3 March 2014 ."), enough of them to push the lede past the
 * lede search and into nothing but time stamps. A page copied with its line breaks keeps the byline on a line
 * of its own, and the cleaning stage takes it out (lib/pipeline/clean); this is for text where it cannot.
 */

/** At most this many opening sentences are read: a byline, two labelled time stamps and their separators. */
const MAX_LEAD_IN = 12;
/** A metadata field is short; a longer sentence is the body. */
const MAX_FIELD_CHARS = 80;

/** "By" alone: the byline's label, its name in the next field. */
const BY = /^by(?: ?\.)?$/i;
/** The separator between two time stamps, or a stray full stop: "| .", "|", ".". */
const SEPARATOR = /^\|?(?: ?\.)?$/;
/** How a time-stamp field starts: "PUBLISHED:", "| UPDATED:", "Updated at", "Published on", "Last updated". */
const LABEL = /^\|? ?(?:(?:published|updated)(?::| at\b| on\b)|last (?:updated|modified)\b)/i;
/** A label with nothing after it (its time stamp is the next field): "PUBLISHED: .", "UPDATED:". */
const LABEL_ALONE = /^\|? ?(?:published|updated|last (?:updated|modified))(?::| at| on)? ?\.?$/i;
const DIGIT = /\d/;
/** A time stamp: "11:42 EST, 3 March 2014 .", "4:12 PM, 3rd March 2014". Bounded, so linear in the field. */
const TIME_STAMP = /^\d{1,2}:\d{2}\b[^\n]{0,40}\b\d{4}(?: ?\.)?$/;
/** One name of a byline: capitalised words (a lower-case particle allowed after the first), at most six. */
const NAME =
  "\\p{Lu}[\\p{L}'’.-]{0,20}(?: (?:\\p{Lu}[\\p{L}'’.-]{0,20}|al|bin|da|de|del|der|di|du|el|la|le|van|von))?(?: \\p{Lu}[\\p{L}'’.-]{0,20}){0,4}";
/**
 * A byline's names, in the fields after "By": "Ella Marsh .", "and Lydia Warren .", "Daily Mail Reporter .",
 * "In New York .", and two names the segmenter keeps together ("Tom Reyes . and Ana Ruiz .": a lower-case
 * "and" does not start a sentence).
 */
const NAMES = new RegExp(`^(?:(?:and|in|for) )?${NAME}(?: ?\\.? and ${NAME})?(?: ?\\.)?$`, 'u');

/** Whether a field is a time stamp's label, with its stamp or alone. */
function isLabel(text: string): boolean {
  return LABEL.test(text) && (DIGIT.test(text) || LABEL_ALONE.test(text));
}

/**
 * How many of the opening sentences form such a metadata block (0 when there is none): a run of bylines,
 * time-stamp labels and time stamps from the first sentence on, where a byline's names count only right
 * after "By" or after other names of the same byline. Reads at most MAX_LEAD_IN sentences of at most
 * MAX_FIELD_CHARS characters each, so its cost does not grow with the article.
 */
export function leadInLength(texts: readonly string[]): number {
  const limit = Math.min(MAX_LEAD_IN, texts.length);
  let inByline = false;
  let i = 0;
  for (; i < limit; i++) {
    const text = (texts[i] ?? '').trim();
    if (text.length === 0 || text.length > MAX_FIELD_CHARS) break;
    if (BY.test(text)) inByline = true;
    else if (inByline && NAMES.test(text)) inByline = true;
    // A label counts with its time stamp ("Last updated at 4:12 PM …") or alone; "Published on Monday, the
    // report found …" is a lede.
    else if (SEPARATOR.test(text) || TIME_STAMP.test(text) || isLabel(text)) inByline = false;
    else break;
  }
  // A block that leaves nothing after it is not a lead-in but the whole text.
  return i < texts.length ? i : 0;
}
