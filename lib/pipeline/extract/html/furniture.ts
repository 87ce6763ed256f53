import { SPACE_RUNS } from '../../text/space-runs';
import { type HtmlDocument, type HtmlElement, hasAncestor, selectAll, selectOne } from './dom';
import { isHidden } from './to-paragraphs';

/** Elements that never hold article prose. */
const ALWAYS_REMOVED =
  'script, style, template, iframe, svg, canvas, object, embed, button, select, textarea, input, dialog, title, meta, link';

/** Page furniture by element or landmark role; removed unless it holds most of the article (see below). */
const FURNITURE =
  'nav, aside, header, footer, form, menu, [role="navigation"], [role="banner"], [role="contentinfo"], [role="complementary"], [role="search"], [role="dialog"], [role="alertdialog"], [aria-modal="true"]';

/** Whole class or id tokens that name page furniture ("ad" must be a whole token: "head", "load" are not ads). */
const FURNITURE_TOKENS: ReadonlySet<string> = new Set([
  'ad',
  'ads',
  'adv',
  'advert',
  'adverts',
  'advertisement',
  'banner-ad',
  'breadcrumb',
  'breadcrumbs',
  'byline',
  'comment',
  'comments',
  'consent',
  'cookie',
  'cookies',
  'footer',
  'gdpr',
  'menu',
  'modal',
  'nav',
  'navbar',
  'navigation',
  'newsletter',
  'pagination',
  'pager',
  'popular',
  'popup',
  'promo',
  'related',
  'share',
  'sharing',
  'sidebar',
  'social',
  'sponsor',
  'sponsored',
  'subscribe',
  'tags',
  'toolbar',
  'trending',
]);

/**
 * Tokens that name furniture only at the start of a class name ("widget", "widget_recent_entries",
 * "popup-overlay"): page builders put them inside names of every content block
 * ("elementor-widget-text-editor"), which must stay.
 */
const LEADING_FURNITURE_TOKENS: ReadonlySet<string> = new Set(['widget', 'widgets', 'popup', 'overlay']);

/** Tokens about comments; live blogs and tickers call their entries "comments", so "live" cancels them. */
const COMMENT_TOKENS: ReadonlySet<string> = new Set(['comment', 'comments']);
const LIVE_TOKEN = /^live|ticker$/;

/** Fragments of compound class names ("most-read" → "mostread", "socialShareBar"). */
const FURNITURE_FRAGMENTS =
  /mostread|mostpopular|meistgelesen|masleido|pluslus|readmore|alsoread|youmayalsolike|recommend|relatedarticle|relatedstor|relatedpost|sharebar|sharebutton|sharetool|socialshare|sociallink|socialmedia|cookiebanner|cookieconsent|cookienotice|consentbanner|newslettersignup|commentsection|commentlist|commentform|disqus|outbrain|taboola|breadcrumb|sidebar|comentario|commentaire|kommentar|werbung|publicidad|publicite/;

/** A comment about commentary is prose, not a comments section. */
const COMMENTARY = /commentar(?:y|ies)/;

/**
 * Furniture that contains at least this share of the page's prose (text outside links) is probably the article
 * wrapped in an unlucky element (ASP.NET wraps whole pages in a <form>; themes name wrappers
 * "has-sidebar"), so it stays.
 */
const MAX_REMOVED_SHARE = 0.5;
/** Below this much prose on the page the share test is meaningless; small pages are pruned freely. */
const MIN_TEXT_FOR_SHARE_TEST = 300;

/** Furniture never contains these; a "sidebar_right" wrapper around `<main>` is layout, not a sidebar. */
const ARTICLE_MARKERS = 'main, [role="main"], [itemprop="articleBody"], article h1';

/** Elements that are the article itself, never furniture, whatever their classes say. */
const PROTECTED_TAGS: ReadonlySet<string> = new Set(['HTML', 'BODY', 'MAIN', 'ARTICLE']);

/** Text outside links: navigation and link lists have little of it, articles have most of the page's. */
function proseLength(root: HtmlElement): number {
  let links = 0;
  for (const a of selectAll(root, 'a')) links += (a.textContent ?? '').replace(SPACE_RUNS, ' ').length;
  return Math.max(0, (root.textContent ?? '').replace(SPACE_RUNS, ' ').length - links);
}

function isFurnitureName(name: string): boolean {
  const tokens = name.split(/[^a-z0-9]+/).filter((t) => t !== '');
  const first = tokens[0];
  if (first !== undefined && LEADING_FURNITURE_TOKENS.has(first)) return true;
  const live = tokens.some((t) => LIVE_TOKEN.test(t));
  if (tokens.some((t) => FURNITURE_TOKENS.has(t) && !(live && COMMENT_TOKENS.has(t)))) return true;
  const joined = tokens.join('');
  return FURNITURE_FRAGMENTS.test(joined) && !COMMENTARY.test(joined) && !(live && /comment/.test(joined));
}

function isFurnitureByName(element: HtmlElement): boolean {
  const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`.toLowerCase();
  return names.split(/\s+/).some((name) => name !== '' && isFurnitureName(name));
}

/**
 * Removes page furniture from a parsed page in place: scripts and widgets, navigation, headers,
 * footers, asides, forms, landmark roles, hidden elements, and elements whose class or id names
 * cookie banners, share bars, comment sections, related or most-read lists, ads, newsletters.
 * Anything that holds most of the page's prose (text outside links) is kept, so a mislabelled wrapper cannot
 * take the article with it. Returns how many elements were removed.
 */
export function removeBoilerplateElements(doc: HtmlDocument): number {
  const body = doc.body;
  if (body === null) return 0;
  let removed = 0;
  for (const element of selectAll(body, ALWAYS_REMOVED)) {
    element.remove();
    removed += 1;
  }
  const total = proseLength(body);
  const keepsArticle = (element: HtmlElement): boolean =>
    total >= MIN_TEXT_FOR_SHARE_TEST && proseLength(element) >= total * MAX_REMOVED_SHARE;
  // Some blogs serve the article only inside <noscript> (for readers without JavaScript): then unwrap it.
  for (const noscript of selectAll(body, 'noscript')) {
    if (keepsArticle(noscript)) noscript.replaceWith(...Array.from(noscript.childNodes));
    else noscript.remove();
    removed += 1;
  }
  const candidates = [
    ...selectAll(body, FURNITURE),
    ...selectAll(body, '[class], [id], [hidden], [aria-hidden], [style]').filter(
      (element) =>
        !PROTECTED_TAGS.has(element.tagName.toUpperCase()) &&
        element.getAttribute('itemprop') !== 'articleBody' &&
        (isHidden(element) || isFurnitureByName(element)),
    ),
  ];
  for (const element of candidates) {
    // An ancestor may already have gone; removing a detached subtree again is harmless but uncounted.
    if (!body.contains(element)) continue;
    if (keepsArticle(element) || selectOne(element, ARTICLE_MARKERS) !== undefined) continue;
    // An article's own header holds its headline and standfirst, not site navigation.
    if (element.tagName.toUpperCase() === 'HEADER' && hasAncestor(element, 'ARTICLE')) continue;
    element.remove();
    removed += 1;
  }
  return removed;
}
