/**
 * The one module that reads the page's DOM for detection: finds the main text the way reader
 * modes do and returns a bounded {@link PageSample}. Cost is capped by LIMITS, not by page size.
 */
import { LIMITS, type PageSample } from '../../shared/detect-topic';
import { textWalker } from '../../shared/dom';
import { readHead, type PageHead } from '../../shared/page-head';
import { blockOf, INLINE_TAGS, isBoilerplate, isPlain, scopeChecker, skipPast, words } from './boilerplate';
import { isLong, textOf } from './long-text';

/** Kinds of main-content element, best first. */
const MAIN_KINDS = ['articleBody', 'article', 'main', 'role-main'] as const;
const BLOCKS = words('div section article main');
/** How many elements the scan for landmarks looks at, at most: a 10 MB page costs what a short one does. */
const MAX_SCANNED_ELEMENTS = 1_000;
/**
 * Elements the scan does not look inside: text (paragraphs, list items, headings, inline markup)
 * and boxes that never hold the article. Stepping over them, the scan reaches 1,000 blocks of a
 * page instead of the first few hundred paragraphs and their links.
 */
const NO_LANDMARKS_INSIDE = words(`p li h1 h2 h3 nav aside footer svg ${[...INLINE_TAGS].join(' ')}`);
/** How much text the densest-block search looks at, at most. */
const MAX_DENSITY_CHARS = 60_000;

/** Length of `el`'s text, counted no further than `cap` so that a huge element costs no more than a small one. */
function textLength(el: Element, cap = 5_000): number {
  const walker = textWalker(el);
  let total = 0;
  for (let node = walker.nextNode(); node && total < cap; node = walker.nextNode()) total += (node as Text).length;
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
    acceptNode: (node) => (node.nodeType === Node.ELEMENT_NODE && isBoilerplate(node as Element) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  let seen = 0;
  for (let node = walker.nextNode(); node && seen < MAX_DENSITY_CHARS; node = walker.nextNode()) {
    if (node.nodeType !== Node.TEXT_NODE) continue;
    // A long node is not whitespace alone: its length will do, without copying it.
    const length = isLong(node as Text) ? (node as Text).length : (node as Text).data.trim().length;
    if (length < 20) continue;
    seen += length;
    const block = blockOf(node.parentElement!, body);
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
    // A lone candidate is not measured against anything: reading 201 characters says whether it is long enough.
    const best = candidates.reduce((a, b) => (textLength(b) > textLength(a) ? b : a));
    if (textLength(best, 201) > 200) return best;
  }
  return densestBlock(doc) ?? doc.body;
}

/**
 * One bounded pass in document order over at most MAX_SCANNED_ELEMENTS elements (not counting the
 * insides of NO_LANDMARKS_INSIDE elements, which it steps over), collecting the candidates for the
 * main text and the first h1s. querySelectorAll would walk the whole document.
 */
export interface Landmarks {
  main: Record<(typeof MAIN_KINDS)[number], Element[]>;
  h1s: Element[];
  /** The page's declared language (`<html lang>`), read with the landmarks so the sample needs no other look at the document. */
  lang: string;
}

/** Adds `el` to `list` unless the list already holds `max`. */
const add = (list: Element[], el: Element, max = 20): void => void (list.length < max && list.push(el));

export function scanLandmarks(doc: Document): Landmarks {
  const main = { articleBody: [] as Element[], article: [] as Element[], main: [] as Element[], 'role-main': [] as Element[] };
  const h1s: Element[] = [];
  const walker = doc.createTreeWalker(doc.body ?? doc, NodeFilter.SHOW_ELEMENT);
  for (let el = walker.nextNode() as Element | null, n = 0; el && n < MAX_SCANNED_ELEMENTS; n += 1) {
    const tag = el.localName;
    if (tag === 'article' || tag === 'main') add(main[tag], el);
    else if (tag === 'h1') add(h1s, el, 5);
    // itemprop/role landmarks sit on block containers; skipping links, list items and spans keeps
    // the attribute reads (the costly part of this loop) few.
    if (BLOCKS.has(tag) && el.hasAttributes()) {
      if (el.getAttribute('itemprop') === 'articleBody') add(main.articleBody, el);
      if (el.getAttribute('role') === 'main') add(main['role-main'], el);
    }
    el = (NO_LANDMARKS_INSIDE.has(tag) ? nextOutside(walker) : walker.nextNode()) as Element | null;
  }
  return { main, h1s, lang: doc.documentElement?.getAttribute('lang') ?? '' };
}

/** Moves `walker` to the first node after its current node's subtree (a sibling, or an ancestor's), or returns null at the end. */
function nextOutside(walker: TreeWalker): Node | null {
  for (;;) {
    const next = walker.nextSibling();
    if (next || !walker.parentNode()) return next;
  }
}

/**
 * A heading's text as the detector takes it (trimmed, at most LIMITS.heading characters), read
 * node by node only as far as needed: a heading can be as long as any other element.
 */
function headingText(el: Element): string {
  const max = 4 * LIMITS.heading;
  const walker = textWalker(el);
  let text = '';
  for (let node = walker.nextNode() as Text | null; node && text.length < max; node = walker.nextNode() as Text | null) text += textOf(node, max - text.length);
  return text.trim().slice(0, LIMITS.heading);
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
 * new line; a <br> does too. A paragraph holding nothing but plain inline markup is read whole,
 * with one textContent, instead of node by node: the same text for far less script. Each such
 * paragraph's text goes into `blockTexts`, for the marks (one reading serves both).
 */
export function textReader(root: Element, blockTexts?: Map<Element, string>): TextReader {
  const walker = textWalker(root);
  const inScope = scopeChecker(root);
  const parts: string[] = [];
  const headings: string[] = [];
  const seenHeadings = new Set<Element>();
  let length = 0;
  /** What did not fit under the last limit: read first next time. */
  let tail = '';
  /** The long text node that did not fit under the last limit, and how far into it the reading got. */
  let rest: { node: Text; at: number } | null = null;
  let lastParent: Element | null = null;
  let lastBlock: Element | null = null;
  let parentOk = false;
  let done = false;
  const take = (value: string, limit: number): void => {
    const room = limit - length;
    parts.push(value.slice(0, room));
    tail = value.slice(room);
    length += Math.min(value.length, room);
  };
  // A long node is read only as far as the limit, so a 10 MB node costs what a paragraph does.
  const takeLong = (node: Text, from: number, limit: number): void => {
    const value = textOf(node, Math.min(limit - length, node.length - from), from);
    parts.push(value);
    length += value.length;
    rest = from + value.length < node.length ? { node, at: from + value.length } : null;
  };
  return {
    read(limit) {
      if (length < limit) take(tail, limit);
      if (length < limit && rest) takeLong(rest.node, rest.at, limit);
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
            const block = blockOf(parent!, root);
            if (block !== lastBlock) {
              lastBlock = block;
              parts.push('\n');
              if (HEADINGS.has(block.localName) && !seenHeadings.has(block) && headings.length < LIMITS.headings) {
                seenHeadings.add(block);
                headings.push(headingText(block));
              }
              // Entered at its first text node (a plain paragraph has no inner block to leave and
              // come back from): read it whole and go on after its last node.
              if (block !== root && !isLong(node) && isPlain(block)) {
                const text = block.textContent!;
                blockTexts?.set(block, text);
                take(text, limit);
                skipPast(walker, block);
                continue;
              }
            }
          }
        }
        if (!parentOk) continue;
        if (node.previousSibling?.nodeName === 'BR') parts.push('\n');
        if (isLong(node)) takeLong(node, 0, limit);
        else take(node.data, limit);
      }
      return {
        text: parts
          .join('')
          .replace(/[ \t\r\f\v]+/g, ' ')
          .slice(0, limit),
        headings: [...headings],
      };
    },
  };
}

/**
 * Reads the bounded sample the detector needs, with `root` as the main text's element,
 * `landmarks` from one scan and `head` read as the first look reads it (shared/page-head.ts).
 * Pass the same `reader` again to read on from where it stopped.
 */
export function readSample(
  root: Element | null,
  url: string,
  head: PageHead,
  landmarks: Landmarks,
  limit: number = LIMITS.text,
  reader: TextReader | null = root && textReader(root),
): PageSample {
  const { text, headings } = reader ? reader.read(limit) : { text: '', headings: [] };
  // An article's own h1 may sit outside its body element; a logo's h1 in the masthead does not count.
  const h1 = landmarks.h1s.find((el) => !el.closest('nav, aside, footer, body > header, [role="banner"]'));
  if (h1 && root && !root.contains(h1) && headings.length < LIMITS.headings) {
    headings.unshift(headingText(h1));
  }
  return { url, title: head.title, headings, meta: head.meta, text, lang: landmarks.lang };
}

/** Reads the bounded sample of `doc` that the detector needs. */
export function readPage(doc: Document, url: string): PageSample {
  const landmarks = scanLandmarks(doc);
  return readSample(findMainRoot(doc, landmarks), url, readHead(doc), landmarks);
}
