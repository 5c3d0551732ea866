/**
 * What is not article text: navigation, asides, comments, forms, code, hidden or editable
 * elements and the extension's own UI. Shared by the detector's reader and the annotator.
 */
import { PREFIX } from '../ui-prefix';

/** A set of words written as one string ("a b c"): short in the bundle. */
export const words = (list: string): Set<string> => new Set(list.split(' '));

const SKIP_TAGS = words('script style noscript template nav aside footer form button select textarea input iframe svg canvas video audio code pre figcaption');
/** Class or id words that mark boxes around an article rather than the article itself. */
const BOILERPLATE_WORDS = words(
  'comment comments related recommended promo newsletter cookie cookies consent share sharing social sidebar footer nav navbar menu breadcrumb breadcrumbs advert ad ads trending popular masthead banner subscribe paywall outbrain taboola',
);
/** Leading words that describe a state, not a box: "has-share-buttons" is an article with share buttons. */
const MODIFIERS = words('has with no is js show hide u l');
/** Inline text elements (local names): never a box of boilerplate, and not a block of text. */
export const INLINE_TAGS = words('a em strong b i u s small mark abbr cite q time sub sup span font br wbr');
const SKIP_ROLES = words('navigation complementary contentinfo banner textbox searchbox');

/** "related-stories", "social-share", "comments" are boilerplate; "entry-content", "has-sidebar" are not. */
function isBoilerplateToken(token: string): boolean {
  const parts = token.split(/[-_]+/).filter(Boolean);
  const first = parts[0];
  if (first === undefined || MODIFIERS.has(first)) return false;
  return BOILERPLATE_WORDS.has(first) || BOILERPLATE_WORDS.has(parts[parts.length - 1]!);
}

/** Hidden from every reader (hidden, aria-hidden) or editable by one: never article text, whatever the element. */
function isHiddenOrEditable(el: Element): boolean {
  const editable = el.getAttribute('contenteditable');
  return el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true' || (editable !== null && editable !== 'false');
}

/** Whether `el` and everything in it should be left out of the article's text. Called per element: kept cheap. */
export function isBoilerplate(el: Element): boolean {
  const tag = el.localName;
  // Inline elements are never boxes of boilerplate, but they can still hide or edit their text.
  if (INLINE_TAGS.has(tag)) {
    return el.hasAttributes() && isHiddenOrEditable(el);
  }
  if (SKIP_TAGS.has(tag) || tag.startsWith(PREFIX)) return true;
  // A page-level <header> is the site's masthead; one inside an article holds its headline.
  if (tag === 'header' && el.parentElement === el.ownerDocument.body) return true;
  if (!el.hasAttributes()) return false;
  if (isHiddenOrEditable(el)) return true;
  const role = el.getAttribute('role');
  if (role !== null && SKIP_ROLES.has(role)) return true;
  if (el.id && isBoilerplateToken(el.id.toLowerCase())) return true;
  for (const name of el.classList) if (isBoilerplateToken(name.toLowerCase())) return true;
  return false;
}

/**
 * Whether text in an element is article text: inside `root` and outside every boilerplate
 * subtree. Answers are cached per element, so siblings share their ancestors' answers.
 */
export function scopeChecker(root: Element): (el: Element | null) => boolean {
  const cache = new WeakMap<Element, boolean>();
  const check = (el: Element | null): boolean => {
    if (!el) return false;
    const known = cache.get(el);
    if (known !== undefined) return known;
    const ok = el === root || (!isBoilerplate(el) && check(el.parentElement));
    cache.set(el, ok);
    return ok;
  };
  return check;
}

/** The block `el` belongs to: itself, or its nearest ancestor (up to `top`) that is not an inline element. */
export function blockOf(el: Element, top: Element): Element {
  while (el !== top && INLINE_TAGS.has(el.localName)) el = el.parentElement!;
  return el;
}

/**
 * Any element whose text a node-by-node walk would treat differently from the paragraph around
 * it: a block, a line break, or an inline element that may be hidden or editable (see isBoilerplate).
 */
const NOT_PLAIN = `:not(${[...INLINE_TAGS].filter((tag) => tag !== 'br').join()}),[hidden],[aria-hidden],[contenteditable]`;

/** Whether `block` holds nothing but plain inline markup, so its textContent is its article text. */
export const isPlain = (block: Element): boolean => !block.querySelector(NOT_PLAIN);

/** Moves `walker` to the last node inside `el`, so that its next node is the first one after `el`. */
export function skipPast(walker: TreeWalker, el: Node): void {
  while (el.lastChild) el = el.lastChild;
  walker.currentNode = el;
}
