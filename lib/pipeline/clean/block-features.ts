/**
 * Shallow text features of the blocks (lines or paragraphs) of a copied web page, after Kohlschütter,
 * Fankhauser & Nejdl, "Boilerplate Detection using Shallow Text Features" (WSDM 2010): how many words
 * a block has, whether it reads as prose (full stops, function words) or as a link label (title case,
 * separators), what its neighbours look like, and where it sits relative to the page's main run of
 * prose (furniture clusters before and after it). Every feature takes one pass over the blocks, so the
 * work is linear in the text's length.
 */
import { startsUpper } from '../text/starts-upper';
import { isBoilerplateParagraph, isListHeading } from './furniture-lines';
import { isListItem } from './reflow';

/** Function words of English, German, Spanish and French: prose has many, link labels and menus few. */
const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  (
    'the a an of to in and or is are was were be been has have had it its that this which who for on at by with from as not but ' +
    'he she they we you his her their our said will would can could after before than about into over also ' +
    'der die das und ist sind war ein eine einen dem den des zu mit von für auf nicht sich auch es er sie wir im am bei nach wie dass ' +
    'el la los las y es son fue un una de del en con por para que se no lo su sus al como más ' +
    'le les et est sont était une du des au aux avec pour sur pas il elle ils nous qui dans ce cette'
  ).split(' '),
);

const WORD = /[\p{L}\p{N}]+/gu;
const TERMINAL = /[.!?…。]["'”’»)\]]*$/u;
const SEPARATORS = /\s[|»›•·]\s|>>|\s\/\s/u;
const TIME_OR_DATE =
  /\b\d{1,2}:\d{2}\b|\b(?:19|20)\d{2}\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}\b/iu;
const SENTENCE_BREAK = /[.!?]["'”’)]* +\p{Lu}/gu;
/**
 * Lines that open or punctuate a readers' comment section ("12 comments", "Post a comment", "Comments
 * are closed", "Posted by …", "Report abuse"), matched on the lower-cased block.
 */
const COMMENT_MARKER =
  /^(?:\d+ )?(?:reader'?s'? |readers'? |your |user )?(?:comments?|kommentare?|comentarios?|commentaires?)\b|^(?:add|post|leave|write|submit|send) (?:a |an |your )?(?:comment|reply|response)|^discuss this|^(?:\d+|no|one|two|three|four|five|six|seven|eight|nine|ten) (?:responses?|comments?|thoughts|replies|reactions) (?:to|on) [“"«„']|^have your say|^report (?:abuse|this comment)|^join the (?:discussion|conversation|debate)|^what do you think|^(?:show|view|read|see|load) (?:all )?(?:\d+ )?(?:comments|replies)|comment zone|^(?:posted|written|submitted) by\b|^talkback|^reader reactions?|^your (?:views|reactions?|opinions?)\b|^(?:recommend|reply|flag|like)(?: this)?(?: comment)?$/u;
/**
 * Comment signatures and timestamps: "Posted by Sam on 10 January 2008 5:58 PM", "Sam | 5:58:12 pm",
 * "Sam | Jan 10, 2008", "Sam (6 days ago)", "Sam says:". Bounded, anchored alternatives: linear on any line.
 */
const SIGNATURE =
  /^(?:posted|written|submitted|commented|added) (?:by|on|at)\b|^by [\p{L} .'-]{1,40} (?:on|at|\|) |\b\d{1,2}:\d{2}(?::\d{2})? ?(?:am|pm)\b|^[^|\n]{1,40} \| [^|\n]{0,30}\b(?:19|20)\d{2}\b|\b\d{1,3} (?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?) ago\)?$|\b(?:wrote|says|said|schreibt|escribió|dice|écrit|a écrit) ?:$/u;
const MAX_SIGNATURE_WORDS = 18;
/**
 * A reader's name and place under a comment ("Sam, Leeds, UK", "Alex B, springfield,"): a short line
 * of a name and places separated by commas, without digits or sentence punctuation. One such line
 * is a dateline or a caption as often as a signature, so these count only when they recur (below).
 */
const PLACE_SIGNATURE = /^[\p{L}][\p{L}.'’ -]{0,30}, ?[\p{L}][\p{L}.'’ ,/-]{0,60}$/u;
const MAX_PLACE_SIGNATURE_WORDS = 7;
/** Name-and-place lines this many times over are readers' signatures. */
export const MIN_PLACE_SIGNATURES = 3;

/** Whether a block is a comment signature or timestamp line ("Posted by: Sam | Jan 10, 2008 4:49 PM"). */
export function isSignature(block: string): boolean {
  const text = block.trim().toLowerCase();
  return (text.match(WORD) ?? []).length <= MAX_SIGNATURE_WORDS && SIGNATURE.test(text);
}

/** Whether a block is a name-and-place line ("Sam, Leeds, UK"); see PLACE_SIGNATURE. */
export function isPlaceSignature(block: string): boolean {
  const text = block.trim();
  if (text.length > 100) return false;
  const words = (text.match(WORD) ?? []).length;
  return words >= 2 && words <= MAX_PLACE_SIGNATURE_WORDS && PLACE_SIGNATURE.test(text);
}

/**
 * Which blocks are readers' signatures: signature lines, and name-and-place lines where the page has
 * at least MIN_PLACE_SIGNATURES of them.
 */
export function signatureFlags(blocks: readonly string[]): number[] {
  const place = blocks.map((block) => (isPlaceSignature(block) ? 1 : 0));
  let places = 0;
  for (const x of place) places += x;
  return blocks.map((block, i) =>
    isSignature(block) || (places >= MIN_PLACE_SIGNATURES && place[i] === 1) ? 1 : 0,
  );
}
/** First- and second-person words: readers' comments use them, news prose mostly in quotes. */
const PERSONAL_WORDS: ReadonlySet<string> = new Set(
  'i me my mine im ive you your youre yours lol ich mir mein du dein yo mi tu je moi mon tu ton'.split(' '),
);
const SIGNATURE_WINDOW = 3;
/** A block with signatures this close on both sides sits inside a thread of comments. */
const BETWEEN_SIGNATURES = 6;

/** A block of this many words or more counts as prose when locating the page's main run of prose. */
const PROSE_WORDS = 10;
/** Words a block adds to or takes from the main-run score: long blocks add, short ones cost this much. */
const REGION_COST = 6;
const WINDOW = 2;

/** Names of the features, in the order `blockFeatures` returns them (the model file lists them too). */
export const FEATURE_NAMES: readonly string[] = [
  'bias',
  'logWords',
  'words<=2',
  'words3-5',
  'words6-9',
  'words10-19',
  'words20+',
  'terminal',
  'startsUpper',
  'capitalShare',
  'digitShare',
  'functionShare',
  'separators',
  'listItem',
  'meanWordLength',
  'ruleBoilerplate',
  'listHeading',
  'repeatedOnPage',
  'timeOrDate',
  'sentences',
  'prevLogWords',
  'nextLogWords',
  'prevTerminal',
  'nextTerminal',
  'windowLogWords',
  'windowTerminal',
  'windowFunctionShare',
  'relativePosition',
  'inMainRun',
  'blocksBeforeMainRun',
  'blocksAfterMainRun',
  'proseBefore',
  'proseAfter',
  'first',
  'last',
  'commentMarker',
  'afterCommentMarker',
  'signaturesNear',
  'personalShare',
  'signatureAbove',
  'signatureBelow',
  'betweenSignatures',
];

type Base = {
  words: number;
  logWords: number;
  terminal: number;
  functionShare: number;
};

function key(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The main run of prose: the stretch of blocks with the largest sum of (words − cost) over blocks,
 * a maximum-subarray problem solved in one pass (Kadane's algorithm). Returns [start, end] inclusive,
 * or [-1, -2] for no blocks.
 */
export function mainRun(words: readonly number[]): [number, number] {
  let best = Number.NEGATIVE_INFINITY;
  let bestStart = -1;
  let bestEnd = -2;
  let sum = 0;
  let start = 0;
  for (let i = 0; i < words.length; i += 1) {
    const w = words[i] ?? 0;
    const gain = w >= PROSE_WORDS ? Math.min(w, 80) : -REGION_COST;
    if (sum <= 0) {
      sum = gain;
      start = i;
    } else sum += gain;
    if (sum > best) {
      best = sum;
      bestStart = start;
      bestEnd = i;
    }
  }
  return [bestStart, bestEnd];
}

type Context = {
  readonly n: number;
  readonly base: readonly Base[];
  readonly tokenLists: readonly string[][];
  readonly keys: readonly string[];
  readonly keyCounts: ReadonlyMap<string, number>;
  readonly marker: readonly number[];
  readonly markerBefore: readonly number[];
  readonly signaturePrefix: readonly number[];
  /** Per block, the index of the nearest signature above it (-1: none) and below it (n: none). */
  readonly signatureUp: readonly number[];
  readonly signatureDown: readonly number[];
  readonly runStart: number;
  readonly runEnd: number;
  readonly prosePrefix: readonly number[];
  readonly proseTotal: number;
};

function baseOf(block: string, tokens: readonly string[]): Base {
  const words = tokens.length;
  let fn = 0;
  for (const t of tokens) if (FUNCTION_WORDS.has(t.toLowerCase())) fn += 1;
  return {
    words,
    logWords: Math.log1p(words),
    terminal: TERMINAL.test(block.trim()) ? 1 : 0,
    functionShare: words === 0 ? 0 : fn / words,
  };
}

function prefixSums(values: readonly number[]): number[] {
  const sums: number[] = [0];
  for (let i = 0; i < values.length; i += 1) sums.push((sums[i] ?? 0) + (values[i] ?? 0));
  return sums;
}

/** What the features of every block need to know about the whole page, in a few linear passes. */
function pageContext(blocks: readonly string[]): Context {
  const n = blocks.length;
  const keys = blocks.map(key);
  const keyCounts = new Map<string, number>();
  for (const k of keys) if (k !== '') keyCounts.set(k, (keyCounts.get(k) ?? 0) + 1);
  const tokenLists = blocks.map((block) => block.match(WORD) ?? []);
  const base = blocks.map((block, i) => baseOf(block, tokenLists[i] ?? []));
  const wordCounts = base.map((b) => b.words);
  const lower = blocks.map((block) => block.trim().toLowerCase());
  const marker = lower.map((text) => (COMMENT_MARKER.test(text) ? 1 : 0));
  const signature = signatureFlags(blocks);
  const signatureUp: number[] = [];
  let up = -1;
  for (let i = 0; i < n; i += 1) {
    signatureUp.push(up);
    if (signature[i] === 1) up = i;
  }
  const signatureDown: number[] = new Array<number>(n).fill(n);
  let down = n;
  for (let i = n - 1; i >= 0; i -= 1) {
    signatureDown[i] = down;
    if (signature[i] === 1) down = i;
  }
  const markerBefore: number[] = [];
  let seenMarker = 0;
  for (let i = 0; i < n; i += 1) {
    markerBefore.push(seenMarker);
    if (marker[i] === 1) seenMarker = 1;
  }
  const [runStart, runEnd] = mainRun(wordCounts);
  const prosePrefix = prefixSums(wordCounts.map((w) => (w >= PROSE_WORDS ? w : 0)));
  return {
    n,
    base,
    tokenLists,
    keys,
    keyCounts,
    marker,
    markerBefore,
    signaturePrefix: prefixSums(signature),
    signatureUp,
    signatureDown,
    runStart,
    runEnd,
    prosePrefix,
    proseTotal: Math.max(1, prosePrefix[n] ?? 0),
  };
}

/** Mean of a value over the neighbours (±WINDOW blocks, the block itself excluded). */
function windowMean(ctx: Context, pick: (b: Base) => number, i: number): number {
  let sum = 0;
  let count = 0;
  for (let j = Math.max(0, i - WINDOW); j <= Math.min(ctx.n - 1, i + WINDOW); j += 1) {
    const b = ctx.base[j];
    if (j === i || b === undefined) continue;
    sum += pick(b);
    count += 1;
  }
  return count === 0 ? 0 : sum / count;
}

/** Shares of capitalised, numeric and personal words, and the mean word length. */
function wordShapes(tokens: readonly string[]): {
  capitals: number;
  digits: number;
  personal: number;
  letters: number;
} {
  let capitals = 0;
  let digits = 0;
  let personal = 0;
  let letters = 0;
  for (const t of tokens) {
    letters += t.length;
    if (startsUpper(t)) capitals += 1;
    if (/^\p{N}+$/u.test(t)) digits += 1;
    if (PERSONAL_WORDS.has(t.toLowerCase())) personal += 1;
  }
  return { capitals, digits, personal, letters };
}

function featureRow(ctx: Context, block: string, i: number): number[] {
  const b = ctx.base[i] as Base;
  const { capitals, digits, personal, letters } = wordShapes(ctx.tokenLists[i] ?? []);
  const w = b.words;
  const trimmed = block.trim();
  const prev = ctx.base[i - 1];
  const next = ctx.base[i + 1];
  const n = ctx.n;
  const share = (x: number): number => (w === 0 ? 0 : x / w);
  const signatures =
    (ctx.signaturePrefix[Math.min(n, i + SIGNATURE_WINDOW + 1)] ?? 0) -
    (ctx.signaturePrefix[Math.max(0, i - SIGNATURE_WINDOW)] ?? 0);
  return [
    1,
    b.logWords,
    w <= 2 ? 1 : 0,
    w >= 3 && w <= 5 ? 1 : 0,
    w >= 6 && w <= 9 ? 1 : 0,
    w >= 10 && w <= 19 ? 1 : 0,
    w >= 20 ? 1 : 0,
    b.terminal,
    startsUpper(trimmed) ? 1 : 0,
    share(capitals),
    share(digits),
    b.functionShare,
    SEPARATORS.test(trimmed) ? 1 : 0,
    isListItem(trimmed) ? 1 : 0,
    w === 0 ? 0 : Math.min(12, letters / w) / 12,
    isBoilerplateParagraph(block) ? 1 : 0,
    isListHeading(trimmed.split('\n')[0] ?? '') ? 1 : 0,
    (ctx.keyCounts.get(ctx.keys[i] ?? '') ?? 0) > 1 ? 1 : 0,
    TIME_OR_DATE.test(trimmed) && w <= 12 ? 1 : 0,
    Math.min(5, (trimmed.match(SENTENCE_BREAK) ?? []).length) / 5,
    prev === undefined ? 0 : prev.logWords,
    next === undefined ? 0 : next.logWords,
    prev === undefined ? 0 : prev.terminal,
    next === undefined ? 0 : next.terminal,
    windowMean(ctx, (x) => x.logWords, i),
    windowMean(ctx, (x) => x.terminal, i),
    windowMean(ctx, (x) => x.functionShare, i),
    n <= 1 ? 0 : i / (n - 1),
    i >= ctx.runStart && i <= ctx.runEnd ? 1 : 0,
    i < ctx.runStart ? Math.log1p(ctx.runStart - i) : 0,
    i > ctx.runEnd ? Math.log1p(i - ctx.runEnd) : 0,
    (ctx.prosePrefix[i] ?? 0) / ctx.proseTotal,
    (ctx.proseTotal - (ctx.prosePrefix[i + 1] ?? 0)) / ctx.proseTotal,
    i === 0 ? 1 : 0,
    i === n - 1 ? 1 : 0,
    ctx.marker[i] ?? 0,
    ctx.markerBefore[i] ?? 0,
    Math.min(3, signatures) / 3,
    Math.min(1, 5 * share(personal)),
    i - (ctx.signatureUp[i] ?? -1) <= SIGNATURE_WINDOW ? 1 : 0,
    (ctx.signatureDown[i] ?? n) - i <= SIGNATURE_WINDOW ? 1 : 0,
    i - (ctx.signatureUp[i] ?? -1) <= BETWEEN_SIGNATURES &&
    (ctx.signatureDown[i] ?? n) - i <= BETWEEN_SIGNATURES
      ? 1
      : 0,
  ];
}

/** One feature vector per block (in `FEATURE_NAMES` order). */
export function blockFeatures(blocks: readonly string[]): number[][] {
  const ctx = pageContext(blocks);
  return blocks.map((block, i) => featureRow(ctx, block, i));
}
