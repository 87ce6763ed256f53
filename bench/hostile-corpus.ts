/**
 * A generated corpus of hostile inputs: text an attacker (or a broken exporter) could upload to make a
 * stage do quadratic work or build a huge result. Every case is a family scaled to about `n` bytes
 * (UTF-8), generated from a fixed seed so that every run and every test sees the same bytes.
 *
 * Families: long runs of one character class (spaces at a line end, dots, punctuation, quotes, digits),
 * huge tokens (one capitalised word, one hyphenated name), long lines and sentences, repeated
 * dates/numbers/names, deep nesting (HTML, JSON-LD, JSON, Markdown quotes), many tiny elements, and a
 * large one-line page of ordinary prose. bench/hostile.ts times them; test/unit/hostile-scaling.test.ts
 * checks that doubling each one no more than about doubles its CPU time.
 */
import { seededRandom } from '../eval/reference/seeded-random';
import { syntheticArticle } from './corpus';

export type HostileCase = {
  readonly name: string;
  /** What the case stresses, for the table. */
  readonly family: string;
  /** The file name an upload would carry (the format is detected from it and the content). */
  readonly fileName: string;
  /** About `n` bytes of input. */
  readonly make: (n: number) => string;
};

const SEED = 20_261_205;

/** `unit` repeated until the string has about `n` characters (at least once). */
function fill(unit: string, n: number): string {
  return unit.repeat(Math.max(1, Math.ceil(n / unit.length)));
}

/** Ordinary article prose of about `n` bytes (title line, blank line, paragraphs). */
function prose(n: number, seed = SEED): string {
  // syntheticArticle writes about 6.5 bytes per word.
  return syntheticArticle(Math.max(20, Math.ceil(n / 6.5)), seed);
}

/** A few sentences around a hostile middle, so the input still has a title and an article body. */
function around(middle: string): string {
  return `Council approves the harbour plan\n\nThe council approved the plan on Monday, the mayor said. ${middle} The vote was 12 to 3.\n`;
}

const FIRST_NAMES = ['Jean', 'Marie', 'Anna', 'Pierre', 'Omar', 'Ali', 'Lena', 'Karl', 'Sofia', 'Ivan'];
const SURNAMES = ['Okafor', 'Lindqvist', 'Nakamura', 'Ferreira', 'Brandt', 'Castell', 'Harlow', 'Delaney'];

export const HOSTILE_CASES: readonly HostileCase[] = [
  // The cases reproduced in the review, first.
  {
    name: 'spaces at a line end',
    family: 'run of one class',
    fileName: 'a.txt',
    make: (n) => around(`It ended here.${' '.repeat(n)}\nA next line follows.`),
  },
  { name: 'dots', family: 'run of one class', fileName: 'a.txt', make: (n) => '.'.repeat(n) },
  {
    name: 'one huge capitalised word',
    family: 'huge token',
    fileName: 'a.txt',
    make: (n) => around(`They met A${'b'.repeat(n)} in town.`),
  },
  {
    name: 'Markdown heading padded with spaces',
    family: 'run of one class',
    fileName: 'a.md',
    make: (n) =>
      `# Harbour${' '.repeat(n / 2)}plan${' '.repeat(n / 2)}\n\nThe council approved the plan on Monday.\n`,
  },
  {
    name: '"March 3 " repeated',
    family: 'repeated dates',
    fileName: 'a.txt',
    make: (n) => fill('March 3 ', n),
  },
  {
    name: 'four-digit years',
    family: 'repeated dates',
    fileName: 'a.txt',
    make: (n) => {
      const parts: string[] = [];
      for (let i = 0, len = 0; len < n; i++) {
        const year = String(1900 + (i % 200));
        parts.push(year);
        len += 5;
      }
      return parts.join(' ');
    },
  },
  {
    name: 'one long line of claims',
    family: 'long line',
    fileName: 'a.txt',
    make: (n) =>
      fill('the minister said that 45 percent of the 2,000 workers in Paris lost $3 million in 2019 and ', n),
  },
  {
    name: '<p> elements',
    family: 'many tiny elements',
    fileName: 'a.html',
    make: (n) => fill('<p>a</p>', n),
  },
  {
    name: 'nested <div class="ad">',
    family: 'deep nesting',
    fileName: 'a.html',
    make: (n) => {
      const depth = Math.max(1, Math.floor(n / 22));
      return `<html><body>${'<div class="ad">'.repeat(depth)}<p>The council approved the plan.</p>${'</div>'.repeat(depth)}</body></html>`;
    },
  },
  {
    name: 'one-line HTML page of prose',
    family: 'long line',
    fileName: 'a.html',
    make: (n) => {
      const [title = '', ...paragraphs] = prose(n).split('\n\n');
      return `<!doctype html><html><head><title>${title}</title></head><body><article><h1>${title}</h1>${paragraphs.map((p) => `<p>${p.trim()}</p>`).join('')}</article></body></html>`;
    },
  },
  {
    name: 'deep JSON-LD author',
    family: 'deep nesting',
    fileName: 'a.html',
    make: (n) => {
      const depth = Math.max(1, Math.floor(n / 13));
      const ld = `${'{"author":'.repeat(depth)}"x"${'}'.repeat(depth)}`;
      return `<html><head><script type="application/ld+json">${ld}</script></head><body><article><p>The council approved the plan on Monday, the mayor said.</p></article></body></html>`;
    },
  },
  // Further families.
  {
    name: 'plain prose',
    family: 'baseline',
    fileName: 'a.txt',
    make: (n) => prose(n),
  },
  {
    name: 'prose as one paragraph',
    family: 'long paragraph',
    fileName: 'a.txt',
    make: (n) => prose(n).replace(/\n\n(?!$)/g, ' '),
  },
  {
    name: 'punctuation runs',
    family: 'run of one class',
    fileName: 'a.txt',
    make: (n) => around(`Wait${fill('!?…:;,-', n)} really.`),
  },
  {
    name: 'quote marks',
    family: 'run of one class',
    fileName: 'a.txt',
    make: (n) => around(`He said ${fill('"“”\'‘’«»', n)} then left.`),
  },
  {
    name: 'digits with separators',
    family: 'huge token',
    fileName: 'a.txt',
    make: (n) => around(`The bill was $1${fill(',000', n)}.5 in total.`),
  },
  {
    name: 'many numbers',
    family: 'repeated numbers',
    fileName: 'a.txt',
    make: (n) => fill('45% of $3.5m, 1,200 people and £2bn ', n),
  },
  {
    name: '"said" attribution chain',
    family: 'repeated names',
    fileName: 'a.txt',
    make: (n) => {
      const random = seededRandom(SEED);
      const parts: string[] = [];
      for (let len = 0; len < n; ) {
        const who = `${SURNAMES[Math.floor(random() * SURNAMES.length)]}`;
        const part = `${who} said `;
        parts.push(part);
        len += part.length;
      }
      return `${parts.join('')}that taxes rose by 4%.`;
    },
  },
  {
    name: 'hyphenated name run',
    family: 'huge token',
    fileName: 'a.txt',
    make: (n) => {
      const random = seededRandom(SEED + 1);
      const parts: string[] = [];
      for (let len = 0; len < n; ) {
        const part = FIRST_NAMES[Math.floor(random() * FIRST_NAMES.length)] ?? 'Jean';
        parts.push(part);
        len += part.length + 1;
      }
      return around(`${parts.join('-')} said prices rose by 4%.`);
    },
  },
  {
    name: 'capitalised words, no full stop',
    family: 'long line',
    fileName: 'a.txt',
    make: (n) => {
      const random = seededRandom(SEED + 2);
      const parts: string[] = [];
      for (let len = 0; len < n; ) {
        const part =
          random() < 0.5
            ? (FIRST_NAMES[Math.floor(random() * FIRST_NAMES.length)] ?? 'Anna')
            : (SURNAMES[Math.floor(random() * SURNAMES.length)] ?? 'Okafor');
        parts.push(part);
        len += part.length + 1;
      }
      return parts.join(' ');
    },
  },
  {
    name: 'same entity in every sentence',
    family: 'repeated names',
    fileName: 'a.txt',
    make: (n) =>
      `President Marlow visits Paris\n\n${fill('President Anna Marlow said the Transport Ministry in Paris spent £2bn in 2019. ', n)}`,
  },
  {
    name: 'spaces inside a line',
    family: 'run of one class',
    fileName: 'a.txt',
    make: (n) => around(`It went on${' '.repeat(n)}and on.`),
  },
  {
    name: 'hard-wrapped paragraph',
    family: 'long paragraph',
    fileName: 'a.txt',
    make: (n) => {
      // One paragraph wrapped at 72 columns, the way mail and old exporters write text.
      const words = prose(n).replace(/\n+/g, ' ').split(' ');
      const lines: string[] = [];
      let line = '';
      for (const word of words) {
        if (line.length + word.length + 1 > 72) {
          lines.push(line);
          line = word;
        } else line = line === '' ? word : `${line} ${word}`;
      }
      lines.push(line);
      return `Harbour plan\n\n${lines.join('\n')}\n`;
    },
  },
  {
    name: 'feed: one wrapped block after a long line',
    family: 'long paragraph',
    fileName: 'a.txt',
    make: (n) => {
      // A paragraph-per-line feed (one line wider than any wrap) followed by a single block of
      // 70-column lines that never end a sentence: the wrapped-block reflow joins all of it.
      const long =
        'The ferry operator said on Monday that the new timetable would start in the spring of next year. ';
      return `Ferry timetable\n${long}${long}\n${fill('the harbour board will meet again before the season and the crews\n', n)}`;
    },
  },
  {
    name: 'feed: body repeated',
    family: 'repeated paragraphs',
    fileName: 'a.txt',
    make: (n) => {
      // A feed that repeats its body again and again, one paragraph per line without blank lines.
      const body = prose(2048).split(/\n+/).join('\n');
      return `Harbour plan\n${fill(`${body}\n`, n)}`;
    },
  },
  {
    name: 'feed: every sentence different, one per line',
    family: 'repeated paragraphs',
    fileName: 'a.txt',
    make: (n) =>
      `Harbour plan\n${prose(n)
        .split(/(?<=\.) /)
        .join('\n')}`,
  },
  {
    name: 'copied page: short lines and comment signatures',
    family: 'many tiny elements',
    fileName: 'a.txt',
    make: (n) =>
      `Harbour plan\n\n${prose(4096)}\n\n${fill('Home\nNews\nMarta says:\nGreat article, thanks for writing it.\nReply\n', n)}`,
  },
  {
    name: 'one letter, no spaces',
    family: 'huge token',
    fileName: 'a.txt',
    make: (n) => 'a'.repeat(n),
  },
  {
    name: 'blank lines',
    family: 'run of one class',
    fileName: 'a.txt',
    make: (n) => around(`Before.${' \n'.repeat(Math.ceil(n / 2))}After.`),
  },
  {
    name: 'one-word lines',
    family: 'many tiny elements',
    fileName: 'a.txt',
    make: (n) => `Word list\n\n${fill('alpha\nBeta\n', n)}`,
  },
  {
    name: 'list items',
    family: 'many tiny elements',
    fileName: 'a.md',
    make: (n) => `# Items\n\n${fill('- The council spent £2bn on the 4 new harbour cranes in 2019.\n', n)}`,
  },
  {
    name: 'nested Markdown quotes',
    family: 'deep nesting',
    fileName: 'a.md',
    make: (n) => `# Quotes\n\n${'>'.repeat(n)} The council approved the plan.\n`,
  },
  {
    name: 'deep JSON',
    family: 'deep nesting',
    fileName: 'a.json',
    make: (n) => {
      const depth = Math.max(1, Math.floor(n / 12));
      return `{"title":"Plan","body":"The council approved the plan.","x":${'{"a":['.repeat(depth)}1${']}'.repeat(depth)}}`;
    },
  },
  {
    name: 'HTML, many short paragraphs',
    family: 'many tiny elements',
    fileName: 'a.html',
    make: (n) =>
      `<html><body><article>${fill('<p>The council spent £2bn in 2019, the mayor said.</p>\n', n)}</article></body></html>`,
  },
  {
    name: 'HTML, unclosed tags',
    family: 'deep nesting',
    fileName: 'a.html',
    make: (n) => `<html><body>${fill('<div><span><b>word ', n)}</body></html>`,
  },
];

/** The case of that name; throws on a typo. */
export function hostileCase(name: string): HostileCase {
  const found = HOSTILE_CASES.find((c) => c.name === name);
  if (found === undefined) throw new Error(`no hostile case named ${name}`);
  return found;
}
