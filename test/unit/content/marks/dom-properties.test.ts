// Property tests over random DOM trees (fast-check): whatever the extension injects or marks, the
// page's text stays the same, the marks cover exactly the mentions in article text, and teardown
// leaves the DOM equal (isEqualNode, and shadow roots' contents) to what it was and takes the
// highlights away. Marks are CSS highlight ranges, as in the browsers (test/unit/helpers/highlights-setup.ts).
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { startAnnotator } from '../../../../src/content/marks/annotator';
import { MARK_HIGHLIGHT } from '../../../../src/content/marks/mark-renderer';
import { runPage } from '../../../../src/content/full-stage/page-run';
import { INLINE_TAGS, scopeChecker } from '../../../../src/content/full-stage/boilerplate';
import { compileMatcher, findMentions } from '../../../../src/content/marks/mentions';
import { textReader } from '../../../../src/content/full-stage/read-page';
import { story } from '../../../../src/shared/story';

/** Cases per property; CI runs them all. */
const RUNS = 1_000;

/** Words that mix the story's names (whole, split, in other cases) with ordinary text and odd characters. */
const WORD = fc.constantFrom(
  'Kaspersky',
  'Kaspersky Lab',
  'NCSC',
  'National Cyber Security Centre',
  'Ciaran Martin',
  'Barclays',
  'Reuters',
  'GCHQ',
  'kaspersky',
  'Kasper',
  'sky',
  'Kasperskyite',
  'the',
  'bank',
  'said',
  ',',
  '.',
  ' ',
  '\n',
  '<b>',
  '&amp;',
  '{{x}}',
  'é',
  '🙂',
  '',
);
const TEXT = fc.array(WORD, { maxLength: 6 }).map((words) => words.join(' '));

/** Elements the annotator must read, and elements it must never mark inside. */
// No <article>: the second property needs its lead article to stay the page's main text.
const READ_TAGS = ['p', 'div', 'span', 'a', 'em', 'strong', 'b', 'section', 'h2', 'li', 'blockquote'] as const;
const SKIP_TAGS = ['script', 'style', 'textarea', 'code', 'pre', 'nav', 'noscript', 'template'] as const;

type Tree =
  | { kind: 'text'; text: string }
  | { kind: 'element'; tag: string; attrs: Record<string, string>; children: Tree[] }
  | { kind: 'shadow'; children: Tree[] };

const ATTRS = fc.constantFrom<Record<string, string>>(
  {},
  {},
  {},
  { class: 'story' },
  { contenteditable: 'true' },
  { contenteditable: 'false' },
  { hidden: '' },
  { 'aria-hidden': 'true' },
  { class: 'related-stories' },
  { role: 'navigation' },
  { id: 'comments' },
);

const { tree } = fc.letrec<{ tree: Tree; node: Tree }>((tie) => ({
  tree: fc.record({
    kind: fc.constant('element' as const),
    tag: fc.constant('article'),
    attrs: fc.constant({}),
    children: fc.array(tie('node'), { maxLength: 6 }),
  }),
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ kind: fc.constant('text' as const), text: TEXT }),
    fc.record({
      kind: fc.constant('element' as const),
      tag: fc.constantFrom<string>(...READ_TAGS, ...SKIP_TAGS),
      attrs: ATTRS,
      children: fc.array(tie('node'), { maxLength: 4 }),
    }),
    fc.record({ kind: fc.constant('shadow' as const), children: fc.array(tie('node'), { maxLength: 3 }) }),
    fc.constant<Tree>({ kind: 'element', tag: 'br', attrs: {}, children: [] }),
  ),
}));

/** Builds `t` with DOM calls (text stays text: what the generator calls "<b>" is a text node). */
function build(t: Tree, parent: Node & ParentNode): void {
  if (t.kind === 'text') {
    parent.append(document.createTextNode(t.text));
    return;
  }
  if (t.kind === 'shadow') {
    const host = document.createElement('div');
    const root = host.attachShadow({ mode: 'open' });
    for (const child of t.children) build(child, root);
    parent.append(host);
    return;
  }
  const el = document.createElement(t.tag);
  for (const [name, value] of Object.entries(t.attrs)) el.setAttribute(name, value);
  // Script text must stay text here: jsdom would run it (a browser page's scripts are the page's business).
  if (t.tag === 'script') el.setAttribute('type', 'text/plain');
  // Random words are not CSS: jsdom would print a parse error for each such stylesheet.
  if (t.tag === 'style') el.setAttribute('type', 'text/plain');
  // A template's children live in its content fragment.
  const into = el instanceof HTMLTemplateElement ? el.content : el;
  for (const child of t.children) build(child, into);
  parent.append(el);
}

/** Every shadow root's markup, in document order (isEqualNode does not look inside them). */
function shadows(root: Node): string[] {
  const out: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
  for (let el = walker.nextNode() as Element | null; el; el = walker.nextNode() as Element | null) {
    if (el.shadowRoot && !el.localName.startsWith('backstory-')) out.push(el.shadowRoot.innerHTML);
  }
  return out;
}

/** The page's own text: every text node outside the extension's panel and card. */
function pageText(root: Node): string {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let out = '';
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (!n.parentElement?.closest('backstory-panel, backstory-card')) out += n.nodeValue;
  return out;
}

/** Class, id and role name boxes of boilerplate on block elements; an inline <em class="related"> is still text. */
const BOX_TAGS = `:is(${READ_TAGS.filter((tag) => !['span', 'a', 'em', 'strong', 'b'].includes(tag)).join(',')})`;

/** The ranges of the page's highlight of marks. */
const drawn = (): AbstractRange[] => [...(CSS.highlights.get(MARK_HIGHLIGHT) ?? [])];

/** Marks that sit where they must not: inside skipped, hidden or editable elements. */
function misplacedMarks(): AbstractRange[] {
  return drawn().filter((range) =>
    range.startContainer.parentElement?.closest(
      `${SKIP_TAGS.join(',')}, [contenteditable="true"], [hidden], [aria-hidden="true"], ${BOX_TAGS}.related-stories, ${BOX_TAGS}[role="navigation"], ${BOX_TAGS}#comments`,
    ),
  );
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('random DOM trees', () => {
  it(`marking leaves the text as it was, marks every mention in article text and nothing else, and teardown restores the DOM exactly (${RUNS} trees)`, async () => {
    await fc.assert(
      fc.asyncProperty(tree, async (t) => {
        document.body.replaceChildren();
        build(t, document.body);
        const before = document.body.cloneNode(true);
        const text = pageText(document.body);
        const shadowBefore = shadows(document.body);
        const expected = mentionsNodeByNode(document.body.firstElementChild!);
        const controller = new AbortController();
        const annotator = startAnnotator(document.body.firstElementChild!, story.entities, { signal: controller.signal });
        await annotator.idle();
        // Every mention in article text is marked, none is missed (paragraphs are passed over whole
        // only when they cannot hold one).
        expect(annotator.count()).toBe(expected.length);
        expect(pageText(document.body)).toBe(text);
        expect(misplacedMarks()).toEqual([]);
        // Every mark covers exactly one mention's words, in document order, and is drawn.
        expect(annotator.mentions().map((m) => [m.node, m.start, m.end, m.entity.id])).toEqual(expected);
        expect(drawn().map((r) => [r.startContainer, r.startOffset, r.endContainer, r.endOffset])).toEqual(
          expected.map(([node, start, end]) => [node, start, node, end]),
        );
        // Highlights leave the DOM alone.
        expect(document.body.isEqualNode(before)).toBe(true);
        controller.abort();
        expect(CSS.highlights.size).toBe(0);
        expect(document.body.isEqualNode(before)).toBe(true);
        expect(shadows(document.body)).toEqual(shadowBefore);
      }),
      { numRuns: RUNS },
    );
  }, 120_000);

  it(`a whole run (panel, card, marks) on a relevant page keeps its text and stop() restores the DOM exactly (${RUNS} trees)`, async () => {
    await fc.assert(
      fc.asyncProperty(tree, async (t) => {
        document.body.replaceChildren();
        // A lead that makes the page about the story, then the random tree.
        const lead = document.createElement('article');
        lead.append(
          Object.assign(document.createElement('h1'), { textContent: 'Kaspersky and the NCSC' }),
          Object.assign(document.createElement('p'), {
            textContent: 'Kaspersky said the National Cyber Security Centre in London was wrong about its software. '.repeat(3),
          }),
        );
        build(t, lead);
        document.body.append(lead);
        const before = document.body.cloneNode(true);
        const text = pageText(document.body);
        const run = runPage(document, 'https://news.example.co.uk/kaspersky');
        expect(run.verdict.relevant).toBe(true);
        await run.annotator!.idle();
        expect(document.querySelectorAll('backstory-panel')).toHaveLength(1);
        expect(pageText(document.body)).toBe(text);
        expect(misplacedMarks()).toEqual([]);
        // The lead's four mentions of Kaspersky at least are marked, and every marked mention is drawn.
        expect(drawn().length).toBeGreaterThanOrEqual(4);
        expect(drawn()).toHaveLength(run.annotator!.mentions().length);
        run.stop();
        expect(CSS.highlights.size).toBe(0);
        expect(document.body.isEqualNode(before)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  }, 120_000);

  it(`the reader gives the text a node-by-node walk gives, and a read resumed after a limit loses nothing (${RUNS} trees)`, () => {
    fc.assert(
      fc.property(tree, fc.integer({ min: 0, max: 60 }), (t, limit) => {
        document.body.replaceChildren();
        build(t, document.body);
        const root = document.body.firstElementChild!;
        const whole = textReader(root).read(1e9);
        expect(whole).toEqual(readNodeByNode(root));
        const resumed = textReader(root);
        resumed.read(limit);
        expect(resumed.read(1e9)).toEqual(whole);
      }),
      { numRuns: RUNS },
    );
  }, 120_000);
});

/**
 * The reader's text, worked out the slow, obvious way: every text node whose parent is in scope,
 * a new line at each new block and before a node that follows a <br>, h1/h2 text as headings.
 */
function readNodeByNode(root: Element): { text: string; headings: string[] } {
  const inScope = scopeChecker(root);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let text = '';
  const headings: Element[] = [];
  let lastBlock: Element | null = null;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (!inScope(node.parentElement)) continue;
    let block = node.parentElement!;
    while (block !== root && INLINE_TAGS.has(block.localName)) block = block.parentElement!;
    if (block !== lastBlock) {
      text += '\n';
      if ((block.localName === 'h1' || block.localName === 'h2') && !headings.includes(block)) headings.push(block);
    }
    lastBlock = block;
    if (node.previousSibling?.nodeName === 'BR') text += '\n';
    text += node.data;
  }
  return { text: text.replace(/[ \t\r\f\v]+/g, ' '), headings: headings.map((h) => h.textContent!.trim()) };
}

/** The mentions the article text holds, found text node by text node, in document order: [node, start, end, entity id]. */
function mentionsNodeByNode(root: Element): [Text, number, number, string][] {
  const inScope = scopeChecker(root);
  const matcher = compileMatcher(story.entities);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const found: [Text, number, number, string][] = [];
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (!inScope(node.parentElement)) continue;
    for (const m of findMentions(node.data, matcher)) found.push([node, m.start, m.end, m.entity.id]);
  }
  return found;
}
