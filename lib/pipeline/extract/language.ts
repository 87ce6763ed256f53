import { allMatches } from '../text/all-matches';
import { countMatches } from '../text/count-words';

/**
 * Light language identification by function words (the "short words" method of Grefenstette 1995,
 * "Comparing two language identification schemes"): the commonest words of a language cover a
 * large share of any running text in it, so counting them tells the language of a paragraph or
 * more. Scripts without such a list (CJK, Cyrillic, Arabic, …) are told by their characters.
 */

/** The most frequent function words per language; chosen so that no word sits in two lists. */
const FUNCTION_WORDS: Readonly<Record<string, readonly string[]>> = {
  en: [
    'the',
    'and',
    'of',
    'to',
    'is',
    'that',
    'with',
    'was',
    'for',
    'are',
    'this',
    'have',
    'from',
    'it',
    'be',
  ],
  de: [
    'der',
    'die',
    'und',
    'das',
    'ist',
    'nicht',
    'mit',
    'sich',
    'auf',
    'den',
    'ein',
    'eine',
    'auch',
    'dem',
    'wird',
  ],
  fr: [
    'le',
    'les',
    'et',
    'des',
    'est',
    'une',
    'dans',
    'pour',
    'qui',
    'sur',
    'pas',
    'du',
    'au',
    'avec',
    'sont',
  ],
  es: ['el', 'los', 'las', 'y', 'del', 'que', 'por', 'una', 'con', 'para', 'es', 'su', 'se', 'al', 'lo'],
  it: [
    'il',
    'di',
    'che',
    'della',
    'per',
    'non',
    'sono',
    'gli',
    'nel',
    'alla',
    'delle',
    'anche',
    'questo',
    'ed',
    'ha',
  ],
  pt: ['o', 'os', 'da', 'do', 'em', 'não', 'uma', 'com', 'dos', 'na', 'no', 'ao', 'mais', 'das', 'foi'],
  nl: [
    'het',
    'een',
    'van',
    'en',
    'niet',
    'op',
    'zijn',
    'voor',
    'dat',
    'ook',
    'aan',
    'maar',
    'wordt',
    'bij',
    'naar',
  ],
  pl: ['i', 'w', 'nie', 'się', 'z', 'jest', 'że', 'jak', 'od', 'za', 'po', 'oraz', 'przez', 'już', 'tak'],
};

/** Fewer function-word hits than this is too little evidence to name a language. */
const MIN_HITS = 5;
/** The winner needs this share of all hits; mixed or unknown-language text stays undetected. */
const MIN_WINNING_SHARE = 0.4;
/** Only the opening of long texts is read: a few thousand words decide any language, and it bounds work. */
const MAX_CHARS = 20_000;
/** A script whose letters make up this share of all letters names the language outright. */
const MIN_SCRIPT_SHARE = 0.3;

const WORD_LANGUAGES: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, string[]>();
  for (const [language, words] of Object.entries(FUNCTION_WORDS))
    for (const word of words) map.set(word, [...(map.get(word) ?? []), language]);
  return map;
})();

/** Scripts that name a language (or a family we report by its largest member). */
const SCRIPTS: readonly { readonly language: string; readonly pattern: RegExp }[] = [
  { language: 'ja', pattern: /[\p{Script=Hiragana}\p{Script=Katakana}]/gu },
  { language: 'zh', pattern: /\p{Script=Han}/gu },
  { language: 'ko', pattern: /\p{Script=Hangul}/gu },
  { language: 'ru', pattern: /\p{Script=Cyrillic}/gu },
  { language: 'ar', pattern: /\p{Script=Arabic}/gu },
  { language: 'el', pattern: /\p{Script=Greek}/gu },
  { language: 'he', pattern: /\p{Script=Hebrew}/gu },
];

/**
 * The ISO 639-1 code of the text's language (en, de, fr, es, it, pt, nl, pl by function words;
 * ja, zh, ko, ru, ar, el, he by script), or undefined when the evidence is too thin or mixed.
 */
export function detectLanguage(text: string): string | undefined {
  const sample = text.slice(0, MAX_CHARS).toLowerCase();
  const letters = countMatches(/\p{L}/gu, sample);
  if (letters === 0) return undefined;
  // Japanese text is mostly Han characters with some kana: kana decide it before Han does.
  for (const { language, pattern } of SCRIPTS) {
    const share = countMatches(pattern, sample) / letters;
    if (share >= (language === 'ja' ? MIN_SCRIPT_SHARE / 3 : MIN_SCRIPT_SHARE)) return language;
  }
  const hits = new Map<string, number>();
  let total = 0;
  for (const match of allMatches(/\p{L}+/gu, sample)) {
    const languages = WORD_LANGUAGES.get(match[0]);
    if (languages === undefined) continue;
    for (const language of languages) hits.set(language, (hits.get(language) ?? 0) + 1);
    total += 1;
  }
  let best: string | undefined;
  let bestHits = 0;
  for (const [language, count] of hits) {
    if (count > bestHits) {
      best = language;
      bestHits = count;
    }
  }
  if (bestHits < MIN_HITS || bestHits / total < MIN_WINNING_SHARE) return undefined;
  return best;
}
