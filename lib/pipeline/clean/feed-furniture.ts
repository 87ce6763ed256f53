/**
 * Furniture of syndication feeds that the phrase rules of furniture-lines.ts miss because it comes as
 * blocks rather than single lines: a legal disclaimer under its own heading ("Legal Disclaimer:",
 * "Haftungsausschluss", "Aviso legal", "Avertissement"), a disclaimer recognised by its vocabulary
 * (no advice, no liability, no redistribution), comment counters ("No comments", "Be the first to
 * comment"), links to the previous or next story, and short link prompts (comment links, "click
 * for the gallery", tag lists, bare URLs). Each check is one anchored or bounded regular expression per block: linear time.
 */

import { rememberLast } from '../text/remember-last';
import { SPACE_RUNS } from '../text/space-runs';
import { isSignature } from './block-features';

/** Headings that announce a disclaimer or legal notice; the block under them goes with them. */
const DISCLAIMER_HEADING =
  /^(?:legal )?(?:disclaimer|notice|legal notice|important (?:information|notice))|^haftungsausschluss|^rechtliche[rn]? hinweise?|^(?:wichtiger )?hinweis|^aviso legal|^(?:nota|advertencia) legal|^descargo de responsabilidad|^avertissement|^mentions? légales?|^avis (?:juridique|de non-responsabilité)|^clause de non-responsabilité/u;
const MAX_HEADING_CHARS = 40;

/**
 * Phrases of legal disclaimers in English, German, Spanish and French. Each distinct phrase found counts
 * once; a block with enough of them is a disclaimer, wherever it stands.
 */
const DISCLAIMER_CUES: readonly RegExp[] = [
  /\bdisclaimer\b|haftungsausschluss|aviso legal|avertissement/u,
  /\b(?:for (?:general )?information(?:al)? (?:purposes )?only|nur zu informationszwecken|solo (?:con fines|a título) informativos?|à titre (?:purement )?informatif)\b/u,
  /\b(?:does not|do not|shall not) constitute|stellt keine|stellen keine|no constituye|ne constitue(?:nt)? pas/u,
  /\b(?:investment|financial|legal|tax) advice|anlageberatung|finanzberatung|rechtsberatung|asesoramiento (?:financiero|jurídico|de inversión)|conseil (?:en investissement|financier|juridique)/u,
  /\bno (?:warranty|guarantee|representation)|without warranty|"?as is"?\s(?:basis|without)|ohne gewähr|keine gewähr|sin garantía|sans garantie/u,
  /\b(?:accepts?|assumes?|takes?) no (?:liability|responsibility)|not (?:be )?(?:held )?liable|keine haftung|übernimmt keine|no (?:se hace|asume) responsable|no asume (?:ninguna )?responsabilidad|décline toute responsabilité|n'assume aucune responsabilité/u,
  /\b(?:redistribution|reproduction|republication|retransmission)\b|nachdruck|vervielfältigung|weiterverbreitung|reproducción|redistribución|rediffusion/u,
  /\b(?:prohibited|forbidden|not permitted)\b|untersagt|verboten|prohibid[ao]|interdite?s?\b/u,
  /\bwithout (?:(?:the )?prior )?(?:written )?(?:permission|consent|licen[cs]e)|ohne (?:vorherige )?(?:schriftliche )?(?:genehmigung|zustimmung)|sin (?:previa )?autorización|sans (?:l'autorisation|autorisation)/u,
  /\b(?:views|opinions) expressed\b|do not necessarily (?:reflect|represent)|geben nicht (?:unbedingt|notwendigerweise)|no reflejan necesariamente|ne reflètent pas nécessairement/u,
  /all rights reserved|alle rechte vorbehalten|todos los derechos reservados|tous droits réservés|©|\bcopyright\b/u,
];
/** Distinct cues that make a block a disclaimer on its own, and under a disclaimer heading. */
const MIN_CUES = 3;
const MIN_CUES_UNDER_HEADING = 1;
/** Longer blocks are prose that discusses such things, not a notice. */
const MAX_DISCLAIMER_CHARS = 1500;

/** Comment counters and empty comment sections. */
const COMMENT_COUNTER =
  /^(?:(?:no|0|zero) (?:comments?|responses?|replies)(?: yet)?|be the first to (?:comment|respond|reply)|no comment|noch keine kommentare|keine kommentare|kommentare \(0\)|sin comentarios|(?:aún|todavía) no hay comentarios|sé el primero en comentar|aucun commentaire|soyez le premier à (?:commenter|réagir)|pas (?:encore )?de commentaires?|\d+ (?:comments?|responses?|replies|kommentare?|comentarios?|commentaires?|réactions?))$/u;

/** Links to the neighbouring stories: "Previous story: …", "Nächster Artikel: …". */
const STORY_NAVIGATION =
  /^(?:(?:previous|next|prev|older|newer) (?:story|article|post|entry)|(?:vorheriger|nächster|voriger) (?:artikel|beitrag)|(?:noticia|artículo|entrada) (?:anterior|siguiente)|(?:article|billet) (?:précédent|suivant))\s?:/u;
const MAX_STORY_NAVIGATION_CHARS = 200;

/**
 * Short link prompts of page furniture: comment links ("Comments (2) : Post Comment", "Discuss this
 * story on the message board"), "Click for the gallery", "Also see: …" tag lists, "Gallery | …" media
 * links, and bare URLs.
 */
const LINK_PROMPT =
  /\b(?:post|add|leave|write) (?:a |your )?comment\b|\bcomment on this (?:article|story|post)\b|\bdiscuss this (?:story|article)\b|\bcomments? \(\d+\)|^click (?:for|here|to)\b|^(?:tell us|let us know) what you think\b|^have your say\b|^in pic(?:ture)?s\s?:|^(?:also see|tags|topics|schlagwörter|etiquetas|mots-clés)\s?:|^(?:gallery|photos?|video|slideshow|audio|galería|galerie|fotos|bildergalerie|vidéo)\s?[|:]|^interactive (?:guide|map|graphic|timeline|feature)s?\s?:|^(?:https?:\/\/|www\.)\S+$| \| \d{1,2}\/\d{1,2}\/\d{2,4}$|\b(?:kommentar schreiben|comentar esta noticia|commenter cet article)\b/u;
const MAX_LINK_PROMPT_WORDS = 15;
const MAX_TAG_LIST_CHARS = 300;

/**
 * Lower case, spaces collapsed. Remembers its last block: each block is asked as a disclaimer, its heading, a
 * comment counter, story navigation and a link prompt in turn.
 */
const normalize = rememberLast((block) => block.toLowerCase().replace(SPACE_RUNS, ' ').trim());

/** A line without its list bullet or leading bar ("- ", "• ", "| "). */
function unbulleted(line: string): string {
  let start = 0;
  while (start < line.length && '-–—•·*|» \t'.includes(line[start] ?? '')) start += 1;
  return line.slice(start);
}

/** Single-line furniture that may also stand as a line of a list or of a block of lines. */
function isFurnitureLine(line: string, keepSignatures: boolean): boolean {
  const text = unbulleted(line);
  if (text === '' || (keepSignatures && isSignature(text))) return false;
  return isCommentCounter(text) || isStoryNavigation(text) || isLinkPrompt(text);
}

function stripEnd(text: string): string {
  // A loop, not a trailing-class regex: `[…]+$` scanned from every start would be quadratic.
  let end = text.length;
  while (end > 0 && ':.!-–— '.includes(text[end - 1] ?? '')) end -= 1;
  return text.slice(0, end);
}

/** Whether at least `needed` distinct disclaimer cues occur in a normalised block. */
function hasCues(text: string, needed: number): boolean {
  let count = 0;
  for (let i = 0; i < DISCLAIMER_CUES.length; i += 1) {
    // Stops as soon as the answer is known: enough found, or too few cues left to reach it.
    if (count >= needed) return true;
    if (count + DISCLAIMER_CUES.length - i < needed) return false;
    if (DISCLAIMER_CUES[i]?.test(text)) count += 1;
  }
  return count >= needed;
}

export function isDisclaimerHeading(block: string): boolean {
  const text = stripEnd(normalize(block));
  return text.length > 0 && text.length <= MAX_HEADING_CHARS && DISCLAIMER_HEADING.test(text);
}

/** Whether a block is a legal disclaimer by its vocabulary (≥ 3 distinct disclaimer phrases). */
export function isDisclaimer(block: string, underHeading = false): boolean {
  const text = normalize(block);
  if (text.length > MAX_DISCLAIMER_CHARS) return false;
  return hasCues(text, underHeading ? MIN_CUES_UNDER_HEADING : MIN_CUES);
}

export function isCommentCounter(block: string): boolean {
  return COMMENT_COUNTER.test(stripEnd(normalize(block)));
}

export function isStoryNavigation(block: string): boolean {
  const text = normalize(block);
  return text.length <= MAX_STORY_NAVIGATION_CHARS && STORY_NAVIGATION.test(text);
}

/** Two short link labels separated by a bar ("Spurs homepage | Arsenal homepage"); three or more are furniture-lines.ts's. */
const TWO_LINK_BAR = /^[^|.!?]{1,50} \| [^|.!?]{1,50}$/u;
const MAX_LINK_LABEL_WORDS = 6;

/**
 * A section kicker in capitals and a bar before a short headline ("VOTERS GUIDE | Where to vote"): a
 * link to another page. Matched on the block as written (the capitals are the signal).
 */
const KICKER_LINK = /^\p{Lu}[\p{Lu}\p{N} '&.-]{1,30} \| \S/u;
const MAX_KICKER_LINK_WORDS = 14;

export function isLinkPrompt(block: string): boolean {
  const text = normalize(block);
  if (
    KICKER_LINK.test(block.trim()) &&
    text.split(' ').length <= MAX_KICKER_LINK_WORDS &&
    !/[.!?]["'”’)]*$/u.test(text)
  )
    return true;
  if (
    TWO_LINK_BAR.test(text) &&
    text.split(' | ').every((label) => label.split(' ').length <= MAX_LINK_LABEL_WORDS)
  )
    return true;
  if (text.length > MAX_TAG_LIST_CHARS || !LINK_PROMPT.test(text)) return false;
  // A tag list ("Also see: A - B - C") may be long in words; the other prompts are short.
  return (
    /^(?:also see|tags|topics|schlagwörter|etiquetas|mots-clés)\s?:/u.test(text) ||
    text.split(' ').length <= MAX_LINK_PROMPT_WORDS
  );
}

const MAX_LINKED_HEADLINE_WORDS = 12;

/** One short line that does not end a sentence: how a linked headline reads. */
function isLinkedHeadline(block: string): boolean {
  const text = block.trim();
  return (
    text !== '' &&
    !text.includes('\n') &&
    text.split(' ').length <= MAX_LINKED_HEADLINE_WORDS &&
    !/[.!?:;]["'”’)]*$/u.test(text)
  );
}

export type FeedFurnitureResult = { readonly paragraphs: readonly string[]; readonly removed: number };

/**
 * Drops disclaimer headings with the disclaimer block(s) under them, blocks that read as disclaimers,
 * and comment counters. Each heading-and-notice group or single block counts as one removed block.
 * With `keepSignatures`, readers' signature lines ("Sam | Jan 10, 2008 4:49 PM", which read as a
 * two-label link bar) stay for the block classifier, to which they say where comments are.
 */
export function removeFeedFurniture(blocks: readonly string[], keepSignatures = false): FeedFurnitureResult {
  const kept: string[] = [];
  let removed = 0;
  const furniture = blocks.map((block) => isDisclaimer(block) || isFurnitureLine(block, keepSignatures));
  for (let i = 0; i < blocks.length; i += 1) {
    const block = blocks[i] ?? '';
    // A headline between two furniture lines ("In pictures: …", a headline, "Team A | Team B") is a
    // box of links to other stories inside the article.
    if (furniture[i - 1] === true && furniture[i + 1] === true && isLinkedHeadline(block)) {
      removed += 1;
      continue;
    }
    if (isDisclaimerHeading(block)) {
      const next = blocks[i + 1];
      // "Notice" or "Hinweis" alone heads prose too: the heading goes only with a notice under it.
      if (next !== undefined && isDisclaimer(next, true)) {
        removed += 1;
        i += 1;
        while (i + 1 < blocks.length && isDisclaimer(blocks[i + 1] ?? '', true)) i += 1;
        continue;
      }
    }
    if (furniture[i] === true) {
      removed += 1;
      continue;
    }
    // A list or block of lines keeps its other lines; the furniture lines in it go (one removed block).
    const lines = block.split('\n');
    if (lines.length > 1) {
      const rest = lines.filter((line) => !isFurnitureLine(line, keepSignatures));
      if (rest.length < lines.length) {
        removed += 1;
        if (rest.length > 0) kept.push(rest.join('\n'));
        continue;
      }
    }
    kept.push(block);
  }
  return { paragraphs: kept, removed };
}
