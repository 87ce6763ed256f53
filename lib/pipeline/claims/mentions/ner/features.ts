import { PLACES } from '../places';
import { NAME_PARTICLES, NAME_PREFIXES, ORG_WORDS, TITLE_WORDS } from './lexicon';

/** What the tagger knows about the whole document: words seen in lower case, and capitalised mid-sentence. */
export type DocumentContext = {
  /** Lower-case forms of words written in lower case somewhere in the document. */
  readonly lowercase: ReadonlySet<string>;
  /** Lower-case forms of capitalised words that stand somewhere other than a sentence's start. */
  readonly capitalisedMid: ReadonlySet<string>;
  /** Hashes (wordHash) of words the training text writes in lower case: common words, not names. */
  readonly common: ReadonlySet<number>;
};

/** Bits of a common word's hash kept in the model file: 1 in 16 million collisions, 2-byte gaps. */
export const COMMON_HASH_BITS = 24;

/** The hash under which a lower-case word is listed as common. */
export function commonWordHash(lower: string): number {
  return (hashString(lower) >>> 0) % (1 << COMMON_HASH_BITS);
}

/**
 * The feature hashes of a sentence in a compressed-row layout: token i's features are
 * hashes[offsets[i]] … hashes[offsets[i + 1] - 1]. One allocation per sentence, not one per token.
 */
export type SentenceFeatures = { readonly hashes: Uint32Array; readonly offsets: Uint32Array };

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a over the UTF-16 code units of `s`. */
function hashString(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

/**
 * Combines a template's seed with a value's hash (the murmur3 finaliser's mixing steps), so that features are
 * built from integers, never from concatenated strings: the tagger's hot path allocates no strings per feature.
 */
function mix(a: number, b: number): number {
  let h = Math.imul(a ^ b, 0x9e3779b1);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h;
}

/** The shape class of one character: X upper case, x lower case, d digit, else the character itself. */
function shapeClass(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c >= 65 && c <= 90) return 'X';
  if (c >= 97 && c <= 122) return 'x';
  if (c >= 48 && c <= 57) return 'd';
  if (c < 128) return ch;
  const lower = ch.toLowerCase();
  const upper = ch.toUpperCase();
  if (lower !== upper) return ch === upper ? 'X' : 'x';
  return /\p{N}/u.test(ch) ? 'd' : ch;
}

/** shapeClass as a UTF-16 code unit: every class is one ("X", "x", "d" or the character itself). */
function shapeCode(word: string, i: number): number {
  const c = word.charCodeAt(i);
  if (c >= 65 && c <= 90) return 88;
  if (c >= 97 && c <= 122) return 120;
  if (c >= 48 && c <= 57) return 100;
  if (c < 128) return c;
  return shapeClass(word[i] ?? '').charCodeAt(0);
}

/** hashString(wordShape(word)) without building the shape. */
function shapeHash(word: string): number {
  let h = FNV_OFFSET;
  let last = -1;
  for (let i = 0; i < word.length; i++) {
    const c = shapeCode(word, i);
    if (c !== last) h = Math.imul(h ^ c, FNV_PRIME);
    last = c;
  }
  return h;
}

/** The word's shape with runs collapsed: "Sharaa" → "Xx", "al-Sharaa" → "x-Xx", "1996-08-22" → "d-d-d". */
export function wordShape(word: string): string {
  let out = '';
  let last = '';
  for (let i = 0; i < word.length; i++) {
    const c = shapeClass(word[i] ?? '');
    if (c !== last) out += c;
    last = c;
  }
  return out;
}

const isCapitalised = (w: string): boolean => {
  const ch = w[0] ?? '';
  return ch !== ch.toLowerCase();
};
/** Whether a word has a letter (a cased one: "1996" and "-" have none). ASCII without allocating. */
function hasLetter(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i) | 0x20;
    if (c >= 97 && c <= 122) return true;
    if (c >= 128) return w.toLowerCase() !== w.toUpperCase();
  }
  return false;
}

/** Whether a word has a lower-case letter. ASCII without allocating. */
function hasLower(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 97 && c <= 122) return true;
    if (c >= 128) return w !== w.toUpperCase();
  }
  return false;
}

/** A headline: several words with letters and no lower-case letter ("SOCCER - JAPAN GET LUCKY WIN"). */
function isHeadline(words: readonly string[]): boolean {
  let lettered = 0;
  for (const w of words) {
    if (hasLower(w)) return false;
    if (hasLetter(w)) lettered++;
  }
  return lettered > 1;
}
const OPENERS = new Set(['(', ')', '[', ']', '-', '—', '–', ':', '"', '“', '‘', "'"]);

/** Tokens of a sentence that stand where any word is capitalised: the first word, or after a leading "(TAG)" or "CITY -". */
function markInitial(words: readonly string[]): Uint8Array {
  const initial = new Uint8Array(words.length);
  let previousPunct = true;
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? '';
    if (!hasLetter(w)) {
      previousPunct = OPENERS.has(w) || i === 0 || previousPunct;
      continue;
    }
    if (previousPunct) initial[i] = 1;
    if (!isCapitalised(w)) break;
    previousPunct = false;
  }
  return initial;
}

/** Longest gazetteer place in words, by its first word: only those first words are looked at further. */
const PLACE_WORDS = new Map<string, number>();
for (const place of PLACES) {
  const words = place.split(' ');
  const first = words[0] ?? '';
  PLACE_WORDS.set(first, Math.max(PLACE_WORDS.get(first) ?? 0, words.length));
}

/** Marks tokens covered by a gazetteer place (1 first word, 2 later words), longest match first. */
function markPlaces(words: readonly string[]): Uint8Array {
  const marks = new Uint8Array(words.length);
  for (let i = 0; i < words.length; i++) {
    const longest = PLACE_WORDS.get(words[i] ?? '');
    if (longest === undefined) continue;
    for (let n = Math.min(longest, words.length - i); n >= 1; n--) {
      if (PLACES.has(n === 1 ? (words[i] ?? '') : words.slice(i, i + n).join(' '))) {
        marks[i] = 1;
        marks.fill(2, i + 1, i + n);
        i += n - 1;
        break;
      }
    }
  }
  return marks;
}

/** Classes 1-3 of lexiconClass in one map, so that a word in no list costs one look-up, not three. */
const LEXICON_CLASS = new Map<string, number>();
for (const [words, cls] of [
  [NAME_PARTICLES, 3],
  [ORG_WORDS, 2],
  [TITLE_WORDS, 1],
] as const)
  for (const w of words) LEXICON_CLASS.set(w, cls);

/** The lexicon class of a lower-case word: 1 title, 2 organisation word, 3 particle, 4 name prefix, 0 none. */
function lexiconClass(lower: string): number {
  const listed = LEXICON_CLASS.get(lower);
  if (listed !== undefined) return listed;
  if (lower.length > 3 && lower.includes('-') && NAME_PREFIXES.some((p) => lower.startsWith(p))) return 4;
  return 0;
}

/** Seeds of the feature templates: distinct constants, one per template. */
const T = Object.fromEntries(
  [
    'bias word form shape p1 p2 p3 p4 s1 s2 s3 s4 prev next prev2 next2 prevWord wordNext prevShape',
    'nextShape prevShapeShape shapeNextShape lex lex2 place placeAround initial headline docLower docCapitalised',
    'common',
  ]
    .join(' ')
    .split(' ')
    .map((name) => [name, hashString(`ner:${name}`)]),
);
const seedOf = (name: string): number => T[name] ?? 0;
const S = {
  bias: seedOf('bias'),
  word: seedOf('word'),
  form: seedOf('form'),
  shape: seedOf('shape'),
  prefix: [seedOf('p1'), seedOf('p2'), seedOf('p3'), seedOf('p4')],
  suffix: [seedOf('s1'), seedOf('s2'), seedOf('s3'), seedOf('s4')],
  prev: seedOf('prev'),
  next: seedOf('next'),
  prev2: seedOf('prev2'),
  next2: seedOf('next2'),
  prevWord: seedOf('prevWord'),
  wordNext: seedOf('wordNext'),
  prevShape: seedOf('prevShape'),
  nextShape: seedOf('nextShape'),
  prevShapeShape: seedOf('prevShapeShape'),
  shapeNextShape: seedOf('shapeNextShape'),
  lex: seedOf('lex'),
  lex2: seedOf('lex2'),
  place: seedOf('place'),
  placeAround: seedOf('placeAround'),
  initial: seedOf('initial'),
  headline: seedOf('headline'),
  docLower: seedOf('docLower'),
  docCapitalised: seedOf('docCapitalised'),
  common: seedOf('common'),
};
/** Hashes standing for the positions before the first and after the last token. */
const START = hashString('<s>');
const END = hashString('</s>');
/** Lexicon class and place mark standing for a position outside the sentence. */
const OUTSIDE = 5;
/** Features per token at most: 4 + 8 affixes + 14 context + initial + headline + 3 document. */
const MAX_FEATURES = 31;

/**
 * Room for the features of several sentences, handed out as views: one buffer per document rather than two
 * per sentence (allocating typed arrays cost more than filling them). featureSlots says how much to ask for.
 */
export type FeatureArena = {
  readonly hashes: Uint32Array;
  readonly offsets: Uint32Array;
  used: number;
  rows: number;
  /** What a word's features owe to the word alone, per word of the document: most words come back. */
  readonly words: Map<string, WordPart>;
};

/** The features of a token that depend on its word alone, and what its neighbours read of it. */
type WordPart = {
  readonly lower: string;
  /** hashString(lower). */
  readonly word: number;
  /** hashString of the word's shape (wordShape). */
  readonly shape: number;
  readonly lex: number;
  /** Final hashes of bias, word, form, shape and the prefixes and suffixes, in featurizeSentence's order. */
  readonly own: readonly number[];
};

function wordPart(w: string): WordPart {
  const lower = w.toLowerCase();
  const word = hashString(lower);
  const shape = shapeHash(w);
  const own = [
    S.bias >>> 0,
    mix(S.word, word) >>> 0,
    mix(S.form, w === lower ? word : hashString(w)) >>> 0,
    mix(S.shape, shape) >>> 0,
  ];
  let prefix = FNV_OFFSET;
  let suffix = FNV_OFFSET;
  for (let a = 1; a <= 4 && a < lower.length; a++) {
    prefix = Math.imul(prefix ^ lower.charCodeAt(a - 1), FNV_PRIME);
    suffix = Math.imul(suffix ^ lower.charCodeAt(lower.length - a), FNV_PRIME);
    own.push(mix(S.prefix[a - 1] ?? 0, prefix) >>> 0, mix(S.suffix[a - 1] ?? 0, suffix) >>> 0);
  }
  return { lower, word, shape, lex: lexiconClass(lower), own };
}

/** wordPart through the arena's memo of the document's words. */
function wordPartOf(w: string, memo: Map<string, WordPart> | undefined): WordPart {
  const known = memo?.get(w);
  if (known !== undefined) return known;
  const part = wordPart(w);
  memo?.set(w, part);
  return part;
}

/** The room featurizeSentence needs for sentences of these token counts. */
export function featureArena(tokenCounts: readonly number[]): FeatureArena {
  let tokens = 0;
  for (const n of tokenCounts) tokens += n;
  return {
    hashes: new Uint32Array(tokens * MAX_FEATURES),
    offsets: new Uint32Array(tokens + tokenCounts.length),
    used: 0,
    rows: 0,
    words: new Map(),
  };
}

/** Room for the features of n tokens: views into the arena when it has it, else arrays of their own. */
function roomFor(n: number, arena: FeatureArena | undefined): { hashes: Uint32Array; offsets: Uint32Array } {
  if (
    arena === undefined ||
    arena.hashes.length - arena.used < n * MAX_FEATURES ||
    arena.offsets.length - arena.rows < n + 1
  )
    return { hashes: new Uint32Array(n * MAX_FEATURES), offsets: new Uint32Array(n + 1) };
  return {
    hashes: arena.hashes.subarray(arena.used, arena.used + n * MAX_FEATURES),
    offsets: arena.offsets.subarray(arena.rows, arena.rows + n + 1),
  };
}

/**
 * Feature hashes of every token of a sentence (words as tokenised), written into `arena` when it has room
 * (featureArena), else into arrays of their own.
 */
export function featurizeSentence(
  words: readonly string[],
  doc: DocumentContext,
  arena?: FeatureArena,
): SentenceFeatures {
  const n = words.length;
  const parts = words.map((w) => wordPartOf(w, arena?.words));
  const hWord = parts.map((p) => p.word);
  const hShape = parts.map((p) => p.shape);
  const lex = parts.map((p) => p.lex);
  const initial = markInitial(words);
  const places = markPlaces(words);
  const headline = isHeadline(words);
  const word = (i: number) => (i < 0 ? START : i >= n ? END : (hWord[i] ?? 0));
  const shape = (i: number) => (i < 0 ? START : i >= n ? END : (hShape[i] ?? 0));
  const lexAt = (i: number) => (i < 0 || i >= n ? OUTSIDE : (lex[i] ?? 0));
  const placeAt = (i: number) => (i < 0 || i >= n ? OUTSIDE : (places[i] ?? 0));
  const { hashes, offsets } = roomFor(n, arena);
  let k = 0;
  const add = (h: number) => {
    hashes[k++] = h >>> 0;
  };
  for (let i = 0; i < n; i++) {
    offsets[i] = k;
    const w = words[i] ?? '';
    const part = parts[i];
    const lw = part?.lower ?? '';
    // Bias, word, form, shape, prefixes and suffixes: the word's own features.
    for (const h of part?.own ?? []) hashes[k++] = h;
    add(mix(S.prev, word(i - 1)));
    add(mix(S.next, word(i + 1)));
    add(mix(S.prev2, word(i - 2)));
    add(mix(S.next2, word(i + 2)));
    add(mix(mix(S.prevWord, word(i - 1)), word(i)));
    add(mix(mix(S.wordNext, word(i)), word(i + 1)));
    add(mix(S.prevShape, shape(i - 1)));
    add(mix(S.nextShape, shape(i + 1)));
    add(mix(mix(S.prevShapeShape, shape(i - 1)), shape(i)));
    add(mix(mix(S.shapeNextShape, shape(i)), shape(i + 1)));
    add(mix(S.lex, lexAt(i - 1) * 36 + lexAt(i) * 6 + lexAt(i + 1)));
    add(mix(S.lex2, lexAt(i - 2) * 6 + lexAt(i + 2)));
    add(mix(S.place, placeAt(i)));
    add(mix(S.placeAround, placeAt(i - 1) * 6 + placeAt(i + 1)));
    if (initial[i]) add(mix(S.initial, shape(i)));
    if (headline) add(mix(S.headline, shape(i)));
    if (isCapitalised(w)) {
      const position = initial[i] || headline ? 1 : 0;
      add(mix(S.docLower, (doc.lowercase.has(lw) ? 2 : 0) + position));
      add(mix(S.docCapitalised, (doc.capitalisedMid.has(lw) ? 2 : 0) + position));
      // commonWordHash(lw), from the word's hash already at hand.
      const common = (word(i) >>> 0) % (1 << COMMON_HASH_BITS);
      add(mix(S.common, (doc.common.has(common) ? 2 : 0) + position));
    }
  }
  offsets[n] = k;
  if (arena !== undefined && hashes.buffer === arena.hashes.buffer) {
    arena.used += k;
    arena.rows += n + 1;
  }
  return { hashes: hashes.subarray(0, k), offsets };
}

/**
 * Tokens that open a sentence (or follow a leading "(TAG)") and are common words the document never
 * capitalises elsewhere: "(WIRE) Intelligence chiefs …". A name the tagger finds there alone is doubtful.
 */
export function markCommonOpeners(words: readonly string[], doc: DocumentContext): Uint8Array {
  const initial = markInitial(words);
  return initial.map((flag, i) => {
    // Most tokens do not open the sentence: their flag stays 0 without lower-casing and hashing the word.
    if (!flag) return 0;
    const w = words[i] ?? '';
    const lower = w.toLowerCase();
    const common = doc.common.has(commonWordHash(lower)) || doc.lowercase.has(lower);
    return flag && hasLower(w) && common && !doc.capitalisedMid.has(lower) ? 1 : 0;
  });
}

/** The document context of a list of tokenised sentences. */
export function collectDocumentContext(
  sentences: readonly (readonly string[])[],
  common: ReadonlySet<number>,
): DocumentContext {
  const lowercase = new Set<string>();
  const capitalisedMid = new Set<string>();
  for (const words of sentences) {
    const initial = markInitial(words);
    const headline = isHeadline(words);
    words.forEach((w, i) => {
      if (!hasLetter(w)) return;
      if (!isCapitalised(w)) lowercase.add(w.toLowerCase());
      else if (!initial[i] && !headline) capitalisedMid.add(w.toLowerCase());
    });
  }
  return { lowercase, capitalisedMid, common };
}
