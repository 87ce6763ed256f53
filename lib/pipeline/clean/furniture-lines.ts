/**
 * Boilerplate in article text: legal notices, "most read" lists, share and newsletter prompts,
 * comment prompts, photo credits, advertising labels. Phrase lists cover English with the commonest
 * German, Spanish and French equivalents; structure (a short heading followed by short headline lines)
 * does the rest without knowing the language.
 */

import { countTokens } from '../text/count-words';
import { rememberLast } from '../text/remember-last';
import { SPACE_RUNS } from '../text/space-runs';
import { trimEndClass } from '../text/trim-run';

/** Headings that introduce a list of links to other articles; matched against a whole short line. */
const LIST_HEADING =
  /^(?:most (?:popular|read|viewed|shared|commented|watched)|popular (?:now|stories|articles|news)|related|more (?:from|on|stories|news|headlines|top stories)|read (?:more|next|also)|also read|see also|you (?:may|might) (?:also )?(?:like|enjoy|be interested)|recommended|top stories|trending|latest (?:news|stories|headlines)|editor'?s picks|don'?t miss|in other news|(?:from )?around the web|elsewhere on|meistgelesen|am meisten gelesen|mehr zum thema|mehr aus|weitere artikel|weitere nachrichten|das könnte sie auch interessieren|auch interessant|lesen sie auch|lo más (?:leído|visto|popular|compartido)|más (?:leídas|leídos|vistas|vistos|noticias)|noticias relacionadas|(?:también )?te puede interesar|lee también|lea también|les plus (?:lus|populaires|partagés|commentés)|à lire aussi|a lire aussi|lire aussi|sur le même sujet|vous aimerez aussi|articles similaires|dans la même rubrique|audios? et vidéos sur le sujet|neueste (?:artikel|beiträge|nachrichten)|themen (?:im|in diesem) (?:artikel|beitrag)|empfehlungen? (?:aus|der redaktion)|entdecke weitere|weiterführende? links?|weitere informationen zu[mr]?|links zu verwandten)\b/u;
/**
 * Headings that introduce a table of contents, tags or contact details only when they are the whole
 * line: "Contact tracing" or "Contents of the report" start prose sections.
 */
const WHOLE_LINE_LIST_HEADING =
  /^(?:inhaltsverzeichnis|table of contents|contents|índice|sommaire|tags|schlagwörter|schlagworte|etiquetas|mots[- ]clés|kontakt|contact|pressekontakt|weitere informationen|zusatzinformationen)$/u;
/** A list heading is a short line; prose that happens to start with "Related" is longer. */
const MAX_LIST_HEADING_WORDS = 8;
/** Headlines in such a list are short lines; we stop at the first line longer than this. */
const MAX_HEADLINE_CHARS = 160;
const MAX_HEADLINE_WORDS = 25;
/** We never remove more than this many paragraphs after one list heading, whatever they look like. */
const MAX_LIST_PARAGRAPHS = 25;

/** Single-line boilerplate, matched against a whole normalised line (see `normalizeLine`). */
const STANDALONE_LINE =
  /^(?:advertisement|advertising|advert|ad|anzeige|werbung|publicidad|publicité|sponsored(?: content)?|(?:story|article) continues (?:below|after) (?:this )?advertisement|continue reading (?:below|the main story)|scroll to continue with content|skip advert|\d+ (?:comments?|kommentare?|comentarios?|commentaires?)|(?:comments?|kommentare?|comentarios?|commentaires?) \(\d+\)|comments?(?: \d+)?|kommentare?|comentarios|commentaires|share|share this|share this (?:article|story|page|post)|teilen|compartir|partager|print|email|e mail|drucken|drukuj|imprimer|imprimir|zurück|back|loading(?:\.{3}|…)?|kommentieren|comment|weiterlesen|read more|leer más|lire la suite|czytaj więcej|mehr anzeigen|show more|permalink|permalien|zum inhalt springen|skip to (?:main )?content|aller au contenu|ir al contenido|(?:page|seite|página|pagina|strona) \d+ (?:of|von|de|sur|di|z) \d+|(?:next|previous|prev|nächste|vorherige|siguiente|anterior|suivante|précédente) (?:page|seite|página)|page (?:suivante|précédente)|continue (?:reading )?on (?:the )?next page|(?:weiter|zurück) zu seite \d+|(?:« )?\d{1,3}(?: \d{1,3}){1,11}(?: (?:next|weiter|siguiente|suivant))?|(?:bild|foto|photo|image|imagen|slide|galería|galerie) \d+ (?:of|von|de|sur|\/) \d+|\d{1,3} ?\/ ?\d{1,3})$/u;

/** Words of a share bar ("Facebook Twitter WhatsApp Email"). */
const SHARE_BAR_WORDS: ReadonlySet<string> = new Set([
  'share',
  'tweet',
  'facebook',
  'twitter',
  'x',
  'linkedin',
  'whatsapp',
  'email',
  'e',
  'mail',
  'print',
  'pinterest',
  'reddit',
  'copy',
  'link',
  'messenger',
  'telegram',
  'xing',
  'flipboard',
  'bluesky',
  'threads',
  'instagram',
  'save',
  'teilen',
  'compartir',
  'partager',
  'imprimir',
  'drucken',
  'imprimer',
  'on',
]);
const MIN_SHARE_BAR_NETWORKS = 2;
const SOCIAL_NETWORKS: ReadonlySet<string> = new Set([
  'facebook',
  'twitter',
  'linkedin',
  'whatsapp',
  'pinterest',
  'reddit',
  'messenger',
  'telegram',
  'xing',
  'flipboard',
  'bluesky',
  'instagram',
]);

type Rule = { readonly pattern: RegExp; readonly maxChars: number };

/** Paragraph-level rules on the normalised paragraph; the length cap keeps prose that merely mentions a phrase. */
const PARAGRAPH_RULES: readonly Rule[] = [
  // Copyright and rights notices.
  { pattern: /^(?:©|\(c\)|copyright ?(?:©|\(c\)|\d{4}))/u, maxChars: 300 },
  { pattern: /©/u, maxChars: 100 },
  {
    pattern:
      /all rights reserved|alle rechte vorbehalten|todos los derechos reservados|tous droits réservés|tutti i diritti riservati/u,
    maxChars: 400,
  },
  // Legal disclaimers and syndication notices.
  {
    pattern:
      /^(?:disclaimer\b|this (?:article|content|material|story|information) (?:is|was) (?:provided )?(?:for|intended for) (?:general )?information(?:al)?(?: purposes)? only|this (?:article|content|material) (?:does not|is not intended to) constitute|the views (?:and opinions )?expressed|this material may not be (?:published|reproduced)|no part of this (?:article|publication|material)|(?:reproduction|republication|redistribution) (?:is )?(?:prohibited|forbidden|not permitted)|nachdruck (?:nur|verboten)|reproducción prohibida|queda prohibida la reproducción|reproduction interdite|toute reproduction)/u,
    maxChars: 700,
  },
  {
    pattern:
      /(?:reproduction|redistribution|republication) (?:is )?(?:prohibited|strictly prohibited|forbidden)|may not be (?:published|broadcast|rewritten|redistributed)/u,
    maxChars: 500,
  },
  // Share, follow, subscribe, newsletter, app prompts.
  {
    pattern:
      /^(?:share (?:this|on|via|the)|follow (?:us|me|[\p{L} ]{1,40} on (?:twitter|x|facebook|instagram|linkedin|bluesky))|sign up (?:for|to|now)|subscribe (?:to|now|for|here|today)|get (?:our|the) [\p{L} ]{0,40}newsletter|(?:click|tap) here to|download (?:our|the) app|(?:teilen sie|artikel teilen|folgen sie uns|abonnieren sie|jetzt abonnieren)|(?:comparte|compartir en|síguenos|suscríbete)|(?:partager|partagez|suivez-nous|abonnez-vous|inscrivez-vous))/u,
    maxChars: 250,
  },
  { pattern: /newsletter/u, maxChars: 120 },
  // Comment prompts and counters.
  {
    pattern:
      /^(?:leave a (?:comment|reply)|post a comment|add (?:a|your) comment|join the (?:conversation|discussion|debate)|(?:show|view|read|see|load) (?:all )?(?:\d+ )?comments|comments? (?:are|is) closed|comments? \(\d+\)|have your say|your (?:views|comments|thoughts|opinions?) on this (?:story|article|post|issue)\b|kommentar schreiben|kommentare anzeigen|deja (?:un|tu) comentario|ver comentarios|laisser un commentaire|réagir|voir les commentaires)/u,
    maxChars: 150,
  },
  // Photo credits and captions labels.
  {
    pattern:
      /^(?:photo|photograph|picture|image|pic|foto|bild|imagen|fotografía|crédit(?:s)?(?: photo)?|credit)s? ?(?:copyright|credit|caption|source|by)? ?[:©|/]/u,
    maxChars: 200,
  },
  { pattern: /^(?:image|photo) (?:copyright|caption|credit)\b/u, maxChars: 250 },
  { pattern: /^\(?(?:photo|photograph|foto|picture) (?:by|courtesy of|von|de|par)\b/u, maxChars: 200 },
  { pattern: /^(?:getty images|reuters|ap photo|afp|epa|dpa|pa media|shutterstock|alamy)$/u, maxChars: 40 },
  // "Read more: <headline>" one-liners.
  {
    pattern:
      /^(?:read more|read also|also read|more|related|see also|lesen sie (?:auch|mehr)|mehr dazu|siehe auch|lee también|lea(?: también| más)?|lee más|mira|mira también|puedes ver|ver también|(?:le|te) puede interesar|lire aussi|à lire aussi|a lire aussi|voir aussi|czytaj (?:też|także|więcej)|zobacz (?:też|także)|leggi anche) ?[:>»|-]/u,
    maxChars: 200,
  },
  // Rating widgets and "was this helpful" prompts.
  {
    pattern:
      /^(?:\(?noch keine bewertungen|\(?\d+ (?:stimmen|votes?|votos|bewertungen)\b|war (?:der|dieser) (?:artikel|beitrag|text) (?:nützlich|hilfreich)|was this (?:article|page|post|story) (?:helpful|useful)|möchten sie (?:den|diesen) (?:artikel|beitrag) teilen|(?:rate|bewerten sie) (?:this|diesen))/u,
    maxChars: 120,
  },
  // App, channel and social prompts ("Follow me on Instagram", "download our app for the latest news").
  {
    pattern:
      /(?:follow|folgt?|folge|keep up with) (?:me|us|mir|uns)?[\p{L} ]{0,30} (?:on|auf|en|sur) (?:instagram|twitter|facebook|telegram|tiktok|youtube|x)\b|(?:canal|channel|kanal) (?:de |on )?(?:telegram|whatsapp)|(?:telegram|whatsapp)[- ](?:kanal|channel)/u,
    maxChars: 300,
  },
  {
    pattern:
      /(?:news|stories|updates|nachrichten|noticias|actualités)\b.{0,80}\bapps?\b|\bapps?\b.{0,40}\b(?:news|nachrichten|noticias)\b/u,
    maxChars: 160,
  },
  // Comment prompts for readers who are not logged in.
  {
    pattern:
      /^(?:sie müssen (?:sich )?(?:eingeloggt|angemeldet|einloggen|anmelden)|you must be (?:logged in|registered)|debes (?:estar registrado|iniciar sesión)|vous devez (?:être connecté|vous connecter))/u,
    maxChars: 200,
  },
  // Sources, credits and agency sign-offs ("Quelle: dpa", "aja/PAP", "Judy Eddy/WENN.com", "X, photo: Y").
  {
    pattern: /^(?:quelle|source|sources|fuente|fuentes|źródło|fonte|bildquelle|fotoquelle)\s?:/u,
    maxChars: 150,
  },
  {
    pattern:
      /^[\p{L}. -]{0,40}\/(?:pap|dpa|afp|ap|apa|reuters|efe|ansa|kna|epd|sid|wenn(?:\.com)?|imago|getty images|picture alliance)$/u,
    maxChars: 60,
  },
  { pattern: /(?:^|[\s,.;(])(?:foto|photo|bild|imagen|image)s? ?(?::|©|via$)/u, maxChars: 250 },
  // CMS leftovers: "posted on … in …" footers, "updated on <date>", PHP warnings, shop notices.
  {
    pattern:
      /^(?:(?:der|dieser) (?:beitrag|artikel|eintrag) wurde am .{1,80} veröffentlicht|this (?:entry|post) was posted (?:on|in)|(?:zuletzt )?aktualisiert am [\d.: ]+(?:uhr)?$|(?:last )?updated(?: on)? [\d./: -]+$|(?:warning|notice|deprecated|fatal error|parse error): .{1,300} on line \d+$)/u,
    maxChars: 500,
  },
  {
    pattern: /erfolgreich (?:hinzugefügt|in den warenkorb)|added to (?:your )?(?:cart|basket)/u,
    maxChars: 100,
  },
  // "More information at www…", "Hier geht es zur …": pointers elsewhere.
  {
    pattern:
      /^(?:hier geht(?:'s| es) (?:zu[rm]?|weiter)|(?:weitere|mehr) infos? (?:unter|auf|bei|gibt es)|más información en|plus d'informations sur|more information (?:at|on))\b/u,
    maxChars: 150,
  },
  // Cookie banners.
  {
    pattern:
      /^(?:we use cookies|this (?:web)?site uses cookies|by (?:continuing|using)(?: to use)? (?:this|our) (?:web)?site|accept (?:all )?cookies|cookie (?:settings|policy|preferences)|wir verwenden cookies|diese website verwendet cookies|utilizamos cookies|este sitio (?:web )?utiliza cookies|nous utilisons des cookies|ce site utilise des cookies)/u,
    maxChars: 500,
  },
];

/**
 * Teasers, matched on the paragraph with its punctuation (lower case, spaces collapsed): a short link
 * text bracketed by arrows (">> Headline <<"), or a short excerpt cut off with an ellipsis and a
 * "more" link (an ellipsis alone also ends poems, quotes and reviews, so it is not enough).
 */
const TEASER_RULES: readonly Rule[] = [
  { pattern: /^>>.*<<$/u, maxChars: 250 },
  {
    pattern:
      /(?:…|\.{3}) ?\(?(?:mehr|more|más|plus|więcej|weiterlesen|read more|read the rest|leer más|lire la suite)\)?(?: ?[•·>»]+)?$/u,
    maxChars: 200,
  },
];

/** Dates in datelines: "16 marca 2021", "7. oktober 2020", "02.02.2022", "2021-10-16", "May 4, 2022". */
const DATE =
  /\d{4}-\d{2}-\d{2}|\d{1,2}\.\d{1,2}\.\d{2,4}|\d{1,2}\.? \p{L}{3,12}\.? \d{4}|\p{L}{3,12}\.? \d{1,2},? \d{4}/u;
/** A dateline is a date with at most this many other words (a weekday, a place, a section name). */
const MAX_DATELINE_EXTRA_WORDS = 2;
const MAX_DATELINE_CHARS = 60;
/** A bar of links ("Impressum | Datenschutz | Kontakt"): this many " | "-separated items of few words. */
const MIN_LINK_BAR_ITEMS = 3;
const MAX_LINK_BAR_ITEM_WORDS = 5;

/** Whether a paragraph is only a date (and a word or two): a dateline, kept as metadata, not as text. */
function isDateline(normalized: string): boolean {
  if (normalized.length > MAX_DATELINE_CHARS) return false;
  const match = DATE.exec(normalized);
  if (match === null) return false;
  const rest = normalized.replace(match[0], ' ').replace(/[|,·•/-]+/g, ' ');
  return countTokens(rest) <= MAX_DATELINE_EXTRA_WORDS;
}

/** Whether a line is a bar of short link labels separated by pipes. */
function isLinkBar(line: string): boolean {
  const items = line.split(' | ').map((item) => item.trim());
  return (
    items.length >= MIN_LINK_BAR_ITEMS &&
    items.every((item) => item !== '' && countTokens(item) <= MAX_LINK_BAR_ITEM_WORDS)
  );
}

/** Spaces and punctuation trimmed from the end of a line before it is compared with the phrase lists. */
const TRAILING_FURNITURE = /[\s.:!|>»›→\-–—]/u;

/**
 * Lower case, typographic quotes and dashes simplified, surrounding punctuation and spaces trimmed. Remembers
 * its last line: a one-line paragraph is asked as a list heading, as a paragraph and as a standalone line in turn.
 */
const normalizeLine = rememberLast(normalizeLineOnce);

function normalizeLineOnce(line: string): string {
  const lowered = line
    .toLowerCase()
    .replace(/[‘’´`]/g, "'")
    .replace(/[“”«»„]/g, '"')
    .replace(SPACE_RUNS, ' ')
    .replace(/^[\s\-–—•*·>#|]+/u, '')
    .trim();
  // Not `/[…]+$/`: V8 tries every start of a run that does not reach the end (quadratic).
  return trimEndClass(lowered, TRAILING_FURNITURE);
}

function isShareBar(normalized: string): boolean {
  const tokens = normalized.split(/[^\p{L}\p{N}]+/u).filter((t) => t !== '');
  if (tokens.length === 0) return false;
  if (!tokens.every((t) => SHARE_BAR_WORDS.has(t))) return false;
  return (
    tokens.filter((t) => SOCIAL_NETWORKS.has(t)).length >= MIN_SHARE_BAR_NETWORKS || tokens.includes('share')
  );
}

/**
 * Furniture is short: the longest rule reads 700 characters, a link bar a few dozen items. Longer lines are
 * text, and skipping them spares the normalising and word-splitting passes (each allocates the whole line)
 * that made a 5 MB one-line input spend seconds here, mostly in the garbage collector.
 */
const MAX_FURNITURE_CHARS = 5_000;

function isStandaloneBoilerplate(line: string): boolean {
  if (line.length > MAX_FURNITURE_CHARS) return false;
  const normalized = normalizeLine(line);
  if (normalized === '') return false;
  return STANDALONE_LINE.test(normalized) || isShareBar(normalized);
}

export function isListHeading(line: string): boolean {
  if (line.length > MAX_FURNITURE_CHARS) return false;
  const normalized = normalizeLine(line);
  if (WHOLE_LINE_LIST_HEADING.test(normalized)) return true;
  // The anchored pattern first: it fails on the first words of almost every line, the word count does not.
  return LIST_HEADING.test(normalized) && countTokens(normalized) <= MAX_LIST_HEADING_WORDS;
}

/** Whether a line reads like a linked headline: short, and not a sentence ending in a full stop. */
function isHeadlineLine(line: string): boolean {
  const trimmed = line.trim().replace(/^(?:[-*+•·]|\d{1,3}[.)])\s+/u, '');
  if (trimmed === '') return true;
  if (trimmed.length > MAX_HEADLINE_CHARS || countTokens(trimmed) > MAX_HEADLINE_WORDS) return false;
  return !/[.。]["'”’»)]*$/u.test(trimmed);
}

function isHeadlineParagraph(paragraph: string): boolean {
  return paragraph.split('\n').every(isHeadlineLine);
}

/**
 * A byline on a line of its own ("By Tomas Berg", "By Ana de la Cruz and Li Wei"): the article's
 * metadata, not its text. Every word after "By" is a capitalised name or a name particle, so "By the
 * numbers" or "By then, …" stay.
 */
const BYLINE =
  /^by (?:\p{Lu}[\p{L}'’.-]{0,25})(?: (?:\p{Lu}[\p{L}'’.-]{0,25}|and|&|de|del|la|le|van|von|der|den|da|di|du|al|el|bin|ibn)){0,6}$/u;

/** Whether a whole paragraph is boilerplate by one of the paragraph rules (or entirely standalone lines). */
export function isBoilerplateParagraph(paragraph: string): boolean {
  if (paragraph.length > MAX_FURNITURE_CHARS) return paragraph.split('\n').every(isStandaloneBoilerplate);
  if (paragraph.length <= 120 && BYLINE.test(paragraph.trim().replace(/^B[Yy] /u, 'by '))) return true;
  const normalized = normalizeLine(paragraph);
  if (normalized === '') return false;
  if (PARAGRAPH_RULES.some((rule) => normalized.length <= rule.maxChars && rule.pattern.test(normalized)))
    return true;
  const spaced = paragraph.toLowerCase().replace(SPACE_RUNS, ' ').trim();
  if (TEASER_RULES.some((rule) => spaced.length <= rule.maxChars && rule.pattern.test(spaced))) return true;
  if (isDateline(normalized) || isLinkBar(spaced)) return true;
  return paragraph.split('\n').every(isStandaloneBoilerplate);
}

export type BoilerplateResult = { readonly paragraphs: readonly string[]; readonly removed: number };

/**
 * Drops boilerplate from a list of paragraphs (lines inside a paragraph separated by "\n"):
 * a list heading ("Most read", "Related stories", "Lesen Sie auch" …) together with the short
 * headline lines and paragraphs that follow it; paragraphs that match a legal, share, comment,
 * photo-credit, "read more" or cookie rule; and single lines such as "Advertisement" or
 * "Facebook Twitter Email" inside other paragraphs. Each dropped paragraph, heading-and-list group or
 * run of dropped lines counts as one removed block.
 */
export function removeBoilerplate(paragraphs: readonly string[]): BoilerplateResult {
  const kept: string[] = [];
  let removed = 0;
  for (let i = 0; i < paragraphs.length; i += 1) {
    const paragraph = paragraphs[i] ?? '';
    const lines = paragraph.split('\n');
    const [first = '', ...rest] = lines;
    if (isListHeading(first) && rest.every(isHeadlineLine)) {
      removed += 1;
      let skipped = 0;
      const next = (): string => paragraphs[i + 1] ?? '';
      // The next list heading starts a block of its own (and is counted as one).
      while (
        skipped < MAX_LIST_PARAGRAPHS &&
        i + 1 < paragraphs.length &&
        isHeadlineParagraph(next()) &&
        !isListHeading(next().split('\n')[0] ?? '')
      ) {
        i += 1;
        skipped += 1;
      }
      continue;
    }
    if (isBoilerplateParagraph(paragraph)) {
      removed += 1;
      continue;
    }
    // A boilerplate line inside a paragraph ("Advertisement" between two paragraphs that lost their
    // blank lines) is dropped, and the text on either side becomes a paragraph of its own.
    let run: string[] = [];
    const flushRun = (): void => {
      if (run.some((line) => line.trim() !== '')) kept.push(run.join('\n'));
      run = [];
    };
    let inRun = false;
    for (const line of lines) {
      if (lines.length > 1 && isStandaloneBoilerplate(line)) {
        if (!inRun) removed += 1;
        inRun = true;
        flushRun();
        continue;
      }
      inRun = false;
      run.push(line);
    }
    flushRun();
  }
  return { paragraphs: kept, removed };
}
