import { countWordTokens } from '../text/count-words';

/**
 * Is this an article? A page of teasers, a list or index page, a login wall or an error page has text,
 * but summarising it merges unrelated teasers or repeats a prompt. Judged on the cleaned paragraphs;
 * a genuine short article (a few sentences of prose) passes.
 */

/** Error pages say so in their first words (HTTP status texts and their usual translations). */
const ERROR_PAGE =
  /\b(?:404|403|410|500|503)\b.{0,40}\b(?:not found|error|forbidden|gone|unavailable)\b|^(?:error|fehler|erreur)\b|\b(?:page|article|story|content|seite|artikel|página|artículo|noticia) (?:(?:was|could) not (?:be )?found|not found|(?:is )?no longer available|nicht gefunden|(?:ist )?nicht (?:mehr )?verfügbar|no (?:se ha )?encontrad[ao]|no (?:está )?disponible)|\bpage (?:introuvable|non trouvée)|\b(?:access denied|zugriff verweigert|acceso denegado|accès refusé)\b|\b(?:something went wrong|an error (?:has )?occurred|ein fehler ist aufgetreten|se ha producido un error|une erreur (?:s'est produite|est survenue))\b/u;
/** A login or subscription wall: the page asks the reader to sign in or pay to read on. */
const LOGIN_WALL =
  /\b(?:(?:sign|log) ?in|subscribe|register|create (?:a free|an) account)\b.{0,60}\b(?:to (?:continue|read|access|view|keep reading)|for (?:full )?access)\b|\b(?:this (?:article|content|story) is (?:for|only available to) (?:subscribers|members))\b|\b(?:melden sie sich an|jetzt anmelden|registrieren sie sich|einloggen|(?:weiterlesen|lesen sie weiter) mit)\b|\b(?:inicia sesión|suscríbete|regístrate) para\b|\b(?:connectez-vous|abonnez-vous|inscrivez-vous) pour\b|\b(?:réservé aux abonnés|nur für abonnenten|exclusivo para suscriptores|subscribers only)\b/u;
/** Error pages and login walls are short; a long text that mentions "404" is an article about it. */
const MAX_WALL_WORDS = 150;
/** A paragraph of prose: at least this many words, ending a sentence. */
const PROSE_WORDS = 20;
const MAX_HEADLINE_CHARS = 150;
/** A teaser page: this many headline-like lines at least, and no paragraph of real length. */
const MIN_TEASER_HEADLINES = 5;
const MAX_TEASER_WORDS = 60;
/** Scripts written without spaces between words. */
const NO_SPACES_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;
/** A teaser or list page has little text; more than this is an article with furniture left in it. */
const MAX_TEASER_PAGE_WORDS = 300;
/** A list page: this many items at least, and (nearly) no prose among them. */
const MIN_LIST_ITEMS = 6;

function isHeadlineLike(line: string): boolean {
  const trimmed = line.replace(/^(?:[-*•·]|\d{1,3}[.)])\s+/u, '').trim();
  return trimmed !== '' && trimmed.length <= MAX_HEADLINE_CHARS && !/[.!?]["'”’)]*$/u.test(trimmed);
}

function isProse(paragraph: string): boolean {
  return countWordTokens(paragraph) >= PROSE_WORDS && /[.!?…]["'”’)]*$/u.test(paragraph.trim());
}

export type Verdict = { readonly article: true } | { readonly article: false; readonly reason: string };

/**
 * An article has a run of consecutive prose paragraphs (of this many words, ending a sentence) with this
 * many words or paragraphs; a teaser page alternates headlines and one-sentence teasers.
 */
const RUN_PARAGRAPH_WORDS = 12;
const MIN_RUN_WORDS = 50;
const MIN_RUN_PARAGRAPHS = 3;
/** A crosshead ("RUBINOOS WHO?") of at most this many words does not break a run of prose. */
const CROSSHEAD_WORDS = 4;

/** Whether the paragraphs hold a run of consecutive prose long enough for an article. */
export function hasArticleProse(paragraphs: readonly string[]): boolean {
  let words = 0;
  let count = 0;
  for (const paragraph of paragraphs) {
    const w = countWordTokens(paragraph);
    if (w >= RUN_PARAGRAPH_WORDS && /[.!?…]["'”’)]*$/u.test(paragraph.trim())) {
      words += w;
      count += 1;
      if (words >= MIN_RUN_WORDS || count >= MIN_RUN_PARAGRAPHS) return true;
    } else if (w > CROSSHEAD_WORDS) {
      words = 0;
      count = 0;
    }
  }
  return false;
}

/**
 * Judges the cleaned paragraphs (and the title) of a document. Without `shapes` only error pages and
 * login walls are found: the teaser and list shapes are judged on text inputs, since an HTML page
 * whose extracted region is a short list (a statistics table, a gallery) still has the text its
 * reader came for. `page`, the blocks before the block
 * classifier chose among them, catches a teaser page of which the classifier kept a few teasers (when
 * what it kept has no run of article prose).
 */
export function articleVerdict(
  title: string,
  paragraphs: readonly string[],
  page: readonly string[] = paragraphs,
  shapes = true,
): Verdict {
  const own = judge(title, paragraphs, shapes);
  if (page === paragraphs) return own;
  // Both must agree: what the classifier kept, and the page around it (a classifier that dropped
  // an article's prose must not turn the article into a teaser page).
  if (own.article && hasArticleProse(paragraphs)) return own;
  const whole = judge(title, page, shapes);
  return own.article ? whole : whole.article ? whole : own;
}

function judge(title: string, paragraphs: readonly string[], shapes: boolean): Verdict {
  const text = paragraphs.join('\n');
  const words = countWordTokens(text);
  // Only when nothing else on the page is prose: an article may quote an error message or a paywall.
  const otherProse = (): number =>
    paragraphs.filter((p) => {
      const l = p.toLowerCase();
      return isProse(p) && !ERROR_PAGE.test(l) && !LOGIN_WALL.test(l);
    }).length;
  if (words <= MAX_WALL_WORDS && otherProse() === 0) {
    const lower = `${title}\n${text}`.toLowerCase();
    if (ERROR_PAGE.test(lower))
      return { article: false, reason: 'The page is an error page (not found, unavailable or denied).' };
    if (LOGIN_WALL.test(lower))
      return {
        article: false,
        reason: 'The page asks the reader to sign in or subscribe; the article is not in it.',
      };
  }
  // Teaser and list pages are judged by words between spaces: scripts written without them (Chinese,
  // Japanese, Thai) are not judged here, and pages with this much text are not teaser pages.
  if (!shapes || NO_SPACES_SCRIPT.test(text) || words > MAX_TEASER_PAGE_WORDS) return { article: true };
  const lines = paragraphs.flatMap((p) => p.split('\n'));
  const headlines = lines.filter(isHeadlineLike).length;
  // List items ("- a fact") are how articles list things; teasers are paragraphs of their own.
  const teaserHeadlines = lines.filter(
    (line) => !/^(?:[-*•·]|\d{1,3}[.)])\s/u.test(line) && isHeadlineLike(line),
  ).length;
  // Lines, not paragraphs: a teaser list without blank lines reaches cleaning as one paragraph.
  const prose = lines.filter(isProse);
  const longest = lines.reduce((max, line) => Math.max(max, countWordTokens(line)), 0);
  if (
    teaserHeadlines >= MIN_TEASER_HEADLINES &&
    teaserHeadlines * 3 >= lines.length &&
    longest < MAX_TEASER_WORDS &&
    prose.length <= teaserHeadlines &&
    !hasArticleProse(lines)
  )
    return {
      article: false,
      reason: `The page is a list of ${teaserHeadlines} headlines or teasers, not one article.`,
    };
  if (lines.length >= MIN_LIST_ITEMS && prose.length === 0 && headlines * 2 >= lines.length)
    return {
      article: false,
      reason: `The page is a list of ${lines.length} links or items with no article prose.`,
    };
  return { article: true };
}
