/**
 * What is not article text: navigation, asides, comments, forms, code, hidden or editable
 * elements and the extension's own UI. Shared by the detector's reader and the annotator.
 */
import { PREFIX } from '../shared/ui-prefix';

const SKIP_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'NAV', 'ASIDE', 'FOOTER', 'FORM', 'BUTTON',
  'SELECT', 'TEXTAREA', 'INPUT', 'IFRAME', 'SVG', 'CANVAS', 'VIDEO', 'AUDIO', 'CODE', 'PRE', 'FIGCAPTION',
]);
/** Class or id words that mark boxes around an article rather than the article itself. */
const BOILERPLATE_WORDS = new Set([
  'comment', 'comments', 'related', 'recommended', 'promo', 'newsletter', 'cookie', 'cookies', 'consent', 'share',
  'sharing', 'social', 'sidebar', 'footer', 'nav', 'navbar', 'menu', 'breadcrumb', 'breadcrumbs', 'advert', 'ad',
  'ads', 'trending', 'popular', 'masthead', 'banner', 'subscribe', 'paywall', 'outbrain', 'taboola',
]);
/** Leading words that describe a state, not a box: "has-share-buttons" is an article with share buttons. */
const MODIFIERS = new Set(['has', 'with', 'no', 'is', 'js', 'show', 'hide', 'u', 'l']);
const SKIP_ROLES = new Set(['navigation', 'complementary', 'contentinfo', 'banner', 'textbox', 'searchbox']);

/** "related-stories", "social-share", "comments" are boilerplate; "entry-content", "has-sidebar" are not. */
function isBoilerplateToken(token: string): boolean {
  const parts = token.split(/[-_]+/).filter(Boolean);
  const first = parts[0];
  if (first === undefined || MODIFIERS.has(first)) return false;
  return BOILERPLATE_WORDS.has(first) || BOILERPLATE_WORDS.has(parts[parts.length - 1]!);
}

/** Whether `el` and everything in it should be left out of the article's text. */
export function isBoilerplate(el: Element): boolean {
  const tag = el.tagName.toUpperCase();
  if (SKIP_TAGS.has(tag)) return true;
  if (el.tagName.toLowerCase().startsWith(PREFIX)) return true;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  if (el.getAttribute('contenteditable') !== null && el.getAttribute('contenteditable') !== 'false') return true;
  const role = el.getAttribute('role');
  if (role !== null && SKIP_ROLES.has(role)) return true;
  // A page-level <header> is the site's masthead; one inside an article holds its headline.
  if (tag === 'HEADER' && el.parentElement === el.ownerDocument.body) return true;
  const tokens = `${el.id} ${typeof el.className === 'string' ? el.className : ''}`.toLowerCase().split(/\s+/);
  return tokens.some(isBoilerplateToken);
}
