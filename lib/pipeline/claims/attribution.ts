import { trimEndClass } from '../text/trim-run';
import type { Attribution } from '../types';

/** Reporting verbs that attribute a statement to a source. */
const VERBS =
  'said|says|say|told|tells|added|adds|claimed|claims|claim|announced|announces|warned|warns|stated|states|insisted|insists|argued|argues|admitted|admits|confirmed|confirms|denied|denies|noted|notes|explained|explains|estimated|estimates|predicted|predicts|suggested|suggests|suggest|revealed|reveals|disclosed|acknowledged|reported|reports|believes|believe|alleged|alleges|wrote|writes|testified|maintained|stressed|urged|forecast|forecasts|indicated';

/** Marks a source that is not named: "sources said", "a person familiar with the matter", "who asked not to be named". */
const ANONYMOUS =
  /\b(?:sources?|insiders?|unidentified|unnamed|anonymous|anonymity|familiar with|close to the|with knowledge of|asked not to be (?:named|identified)|declined to be (?:named|identified)|not authori[sz]ed to)\b/i;

const CAP_NAME =
  "(?:(?:Mr|Mrs|Ms|Dr|Prof|Sir|President|Prime Minister|Chancellor|Senator|Judge)\\.?\\s+)?\\p{Lu}[\\p{L}'’.&-]*(?:\\s+(?:of\\s+|de\\s+)?\\p{Lu}[\\p{L}'’.&-]*){0,4}";
const NOUN_PHRASE =
  "(?:[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[Oo]ne|[Tt]wo|[Ss]everal|[Ss]ome|[Mm]any)\\s+(?:[\\p{L}'’-]+\\s+){0,4}?[\\p{L}'’-]+";
const PRONOUN = '(?:[Hh]e|[Ss]he|[Tt]hey|[Ii]t|[Ww]e|I)';
const PLURAL =
  '(?:[Oo]fficials|[Aa]nalysts|[Pp]olice|[Ee]xperts|[Ee]conomists|[Ss]ources|[Cc]ritics|[Rr]esearchers|[Ss]cientists|[Ii]nvestigators|[Ww]itnesses|[Rr]esidents|[Dd]octors|[Ii]nsiders|[Pp]rosecutors)';

/**
 * A source starts at the start of a word. Without this lookbehind an unanchored `\p{L}+` or
 * `\p{Lu}[\p{L}…]*` is tried from every letter of a long word and backtracks over the rest of it each
 * time: quadratic (one 100 KB capitalised word took 45 s).
 */
const WORD_START = "(?<![\\p{L}\\p{N}'’.&-])";

/** "officials who asked not to be named said", "a person familiar with the matter told Reuters". */
const ANONYMOUS_SOURCE = new RegExp(
  `${WORD_START}(?<source>(?:${NOUN_PHRASE}|${PLURAL}|\\p{L}+)\\s+(?:who|familiar with|close to|with knowledge of|briefed on)\\b[^.;"“”]{0,80}?)\\s*,?\\s+(?:has\\s+|have\\s+|had\\s+)?(?<verb>${VERBS})\\b`,
  'u',
);
const ACCORDING_TO =
  /\b(?<verb>[Aa]ccording to)\s+(?<source>[^,.;:"“”]{1,80}?)(?=\s*(?:[,.;:"“”]|$|\s+(?:that|which|who)\b))/u;
const SUBJECT_VERB = new RegExp(
  `${WORD_START}(?<source>${CAP_NAME}|${NOUN_PHRASE}|${PRONOUN}|${PLURAL})\\s+(?:has\\s+|have\\s+|had\\s+|also\\s+|previously\\s+|later\\s+)*(?<verb>${VERBS})\\b`,
  'u',
);
const VERB_SUBJECT = new RegExp(
  `["”’'],?\\s+(?<verb>said|says|added|told|explained|warned|insisted|argued)\\s+(?<source>${CAP_NAME}|${NOUN_PHRASE})`,
  'u',
);

/** Keeps a source short and tidy: trims a trailing comma, caps it at a few words. */
function tidy(source: string): string {
  const words = trimEndClass(source.trim(), /[,;:]/).split(/\s+/);
  return words.slice(0, 12).join(' ');
}

/**
 * Who a sentence attributes its statement to, and with which verb: "X said/told/warned …", "…, said X",
 * "according to X"; `anonymous` when the source is unnamed ("sources said", "a person familiar with the
 * matter", "officials who asked not to be named"). Undefined when the sentence attributes nothing.
 */
export function findAttribution(sentence: string): Attribution | undefined {
  // Ordered from most to least specific; the first that matches wins.
  for (const re of [ANONYMOUS_SOURCE, ACCORDING_TO, VERB_SUBJECT, SUBJECT_VERB]) {
    const groups = re.exec(sentence)?.groups;
    const source = groups?.source;
    const verb = groups?.verb;
    if (source === undefined || verb === undefined) continue;
    const tidied = tidy(source);
    return { source: tidied, verb: verb.toLowerCase(), anonymous: ANONYMOUS.test(tidied) };
  }
  return undefined;
}
