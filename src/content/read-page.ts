/**
 * The one module that reads the page's DOM for detection: finds the main text the way reader
 * modes do and returns a bounded {@link PageSample}. Cost is capped by LIMITS, not by page size.
 */
import { LIMITS, type PageSample } from '../shared/detect-topic';
import { INLINE_TAGS, isBoilerplate, scopeChecker, words } from './boilerplate';

/** Kinds of main-content element, best first. */
const MAIN_KINDS = ['articleBody', 'article', 'main', 'role-main'] as const;
const BLOCKS = words('div section article main');
/** How many elements the scan for landmarks looks at, at most: a 10 MB page costs what a short one does. */
const MAX_SCANNED_ELEMENTS = 4_000;
/** How much text the densest-block search looks at, at most. */
const MAX_DENSITY_CHARS = 60_000;

/** Length of `el`'s text, counted no further than `cap` so that a huge element costs no more than a small one. */
function textLength(el: Element, cap = 5_000): number {
  const walker = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  let total = 0;
  for (let node = walker.nextNode(); node && total < cap; node = walker.nextNode()) total += node.nodeValue?.length ?? 0;
  return Math.min(total, cap);
}

/**
 * A reader mode's "densest block": each text node's length counts for its nearest block element
 * and half of it for that block's parent, so a container of many paragraphs (or of bare text
 * broken by <br>) beats any single paragraph. Boilerplate subtrees are skipped; at most
 * MAX_DENSITY_CHARS of text is looked at.
 */
function densestBlock(doc: Document): Element | null {
  const body = doc.body;
  if (!body) return null;
  const scores = new Map<Element, number>();
  const walker = doc.createTreeWalker(body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.nodeType === Node.ELEMENT_NODE && isBoilerplate(node as Element) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  let seen = 0;
  for (let node = walker.nextNode(); node && seen < MAX_DENSITY_CHARS; node = walker.nextNode()) {
    if (node.nodeType !== Node.TEXT_NODE) continue;
    const length = (node.nodeValue ?? '').trim().length;
    if (length < 20) continue;
    seen += length;
    let block = node.parentElement;
    while (block && block !== body && INLINE_TAGS.has(block.localName)) block = block.parentElement;
    if (!block) continue;
    scores.set(block, (scores.get(block) ?? 0) + length);
    if (block.parentElement) scores.set(block.parentElement, (scores.get(block.parentElement) ?? 0) + length / 2);
  }
  let best: Element | null = null;
  let bestScore = 0;
  for (const [el, score] of scores) if (score > bestScore) [best, bestScore] = [el, score];
  return best;
}

/** The element that holds the page's main text. */
export function findMainRoot(doc: Document, landmarks: Landmarks = scanLandmarks(doc)): Element | null {
  const { main } = landmarks;
  for (const kind of MAIN_KINDS) {
    const candidates = main[kind].filter((el) => !isBoilerplate(el));
    if (candidates.length === 0) continue;
    const best = candidates.reduce((a, b) => (textLength(b) > textLength(a) ? b : a));
    if (textLength(best) > 200) return best;
  }
  return densestBlock(doc) ?? doc.body;
}

/**
 * One bounded pass over the first MAX_SCANNED_ELEMENTS elements in document order, collecting the
 * candidates for the main text and the first h1s. querySelectorAll would walk the whole document.
 */
export interface Landmarks {
  main: Record<(typeof MAIN_KINDS)[number], Element[]>;
  h1s: Element[];
}

export function scanLandmarks(doc: Document): Landmarks {
  const main = { articleBody: [] as Element[], article: [] as Element[], main: [] as Element[], 'role-main': [] as Element[] };
  const h1s: Element[] = [];
  const start = doc.body ?? doc.documentElement;
  if (!start) return { main, h1s };
  const walker = doc.createTreeWalker(start, NodeFilter.SHOW_ELEMENT);
  for (let el = walker.nextNode() as Element | null, n = 0; el && n < MAX_SCANNED_ELEMENTS; el = walker.nextNode() as Element | null, n += 1) {
    const tag = el.localName;
    if (tag === 'article' && main.article.length < 20) main.article.push(el);
    else if (tag === 'main' && main.main.length < 20) main.main.push(el);
    else if (tag === 'h1' && h1s.length < 5) h1s.push(el);
    // itemprop/role landmarks sit on block containers; skipping links, list items and spans keeps
    // the attribute reads (the costly part of this loop) few.
    if (!BLOCKS.has(tag) || !el.hasAttributes()) continue;
    if (main.articleBody.length < 20 && el.getAttribute('itemprop') === 'articleBody') main.articleBody.push(el);
    if (main['role-main'].length < 20 && el.getAttribute('role') === 'main') main['role-main'].push(el);
  }
  return { main, h1s };
}

/** Block elements whose start begins a new line of the sample. */
const HEADINGS = words('h1 h2');

/** Reads the main text of `root` without boilerplate, a chunk at a time; h1/h2 are collected on the way. */
export interface TextReader {
  /** Reads on until `limit` characters in all (or the end), and returns everything read so far. */
  read(limit: number): { text: string; headings: string[] };
}

/**
 * Walks only text nodes (no per-node callback into script) and asks a cached scope check about
 * each new parent, so a paragraph's many text nodes cost one lookup each. A new block starts a
 * new line; a <br> does too.
 */
export function textReader(root: Element): TextReader {
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const inScope = scopeChecker(root);
  const parts: string[] = [];
  const headings: string[] = [];
  const seenHeadings = new Set<Element>();
  let length = 0;
  let lastParent: Element | null = null;
  let lastBlock: Element | null = null;
  let parentOk = false;
  let done = false;
  return {
    read(limit) {
      while (!done && length < limit) {
        const node = walker.nextNode() as Text | null;
        if (!node) {
          done = true;
          break;
        }
        const parent = node.parentElement;
        if (parent !== lastParent) {
          lastParent = parent;
          parentOk = inScope(parent);
          if (parentOk) {
            let block = parent;
            while (block !== root && INLINE_TAGS.has(block!.localName)) block = block!.parentElement;
            if (block !== lastBlock) {
              lastBlock = block;
              parts.push('\n');
              if (block && HEADINGS.has(block.localName) && !seenHeadings.has(block) && headings.length < LIMITS.headings) {
                seenHeadings.add(block);
                headings.push((block.textContent ?? '').trim().slice(0, LIMITS.heading));
              }
            }
          }
        }
        if (!parentOk) continue;
        if (node.previousSibling?.nodeName === 'BR') parts.push('\n');
        const value = node.data;
        parts.push(length + value.length > limit ? value.slice(0, limit - length) : value);
        length += value.length;
      }
      return { text: parts.join('').replace(/[ \t\r\f\v]+/g, ' ').slice(0, limit), headings: [...headings] };
    },
  };
}

const META_KEYS = words('description og:title og:description twitter:title twitter:description keywords og:url');

/** Description, Open Graph and Twitter card text, read from <head>'s own children (not a whole-document search). */
function metaTexts(doc: Document): string[] {
  const texts: string[] = [];
  for (const el of Array.from(doc.head?.children ?? [])) {
    if (el.localName !== 'meta') continue;
    const key = el.getAttribute('name') ?? el.getAttribute('property');
    if (key && META_KEYS.has(key)) texts.push((el.getAttribute('content') ?? '').slice(0, 500));
    if (texts.length >= 10) break;
  }
  return texts;
}

/**
 * Reads the bounded sample the detector needs, with `root` as the main text's element and
 * `landmarks` from one scan. Pass the same `reader` again to read on from where it stopped.
 */
export function readSample(
  doc: Document,
  root: Element | null,
  url: string,
  landmarks: Landmarks,
  limit: number = LIMITS.text,
  reader: TextReader | null = root && textReader(root),
): PageSample {
  const { text, headings } = reader ? reader.read(limit) : { text: '', headings: [] };
  // An article's own h1 may sit outside its body element; a logo's h1 in the masthead does not count.
  const h1 = landmarks.h1s.find((el) => !el.closest('nav, aside, footer, body > header, [role="banner"]'));
  if (h1 && root && !root.contains(h1) && headings.length < LIMITS.headings) {
    headings.unshift((h1.textContent ?? '').trim().slice(0, LIMITS.heading));
  }
  return { url, title: (doc.title ?? '').slice(0, LIMITS.title), headings, meta: metaTexts(doc), text };
}

/** Reads the bounded sample of `doc` that the detector needs. */
export function readPage(doc: Document, url: string): PageSample {
  const landmarks = scanLandmarks(doc);
  return readSample(doc, findMainRoot(doc, landmarks), url, landmarks);
}
