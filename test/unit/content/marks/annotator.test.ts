import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { liveRange, MAX_DRAWN, startAnnotator, type Annotator } from '../../../../src/content/marks/annotator';
import { LONG_TEXT } from '../../../../src/content/full-stage/long-text';
import { findMentionsInNode } from '../../../../src/content/marks/chunked-search';
import { CURRENT_HIGHLIGHT, MARK_HIGHLIGHT } from '../../../../src/content/marks/mark-renderer';
import { compileMatcher, entitiesToMark, findMentions } from '../../../../src/content/marks/mentions';
import { textReader } from '../../../../src/content/full-stage/read-page';
import { LIMITS } from '../../../../src/shared/detect-topic';
import { story } from '../../../../src/shared/story';

const ARTICLE = `<nav><a>Kaspersky deals</a></nav>
  <article id="story"><h1>Barclays drops Kaspersky</h1>
    <p>The bank said Kaspersky Lab software would go. <em>Reuters</em> reported the move.</p>
    <p>The National Cyber Security Centre, led by Ciaran Martin, advised departments.</p>
    <pre><code>kaspersky --scan</code></pre><textarea>Kaspersky in a form</textarea>
    <div contenteditable="true">Kaspersky being edited</div><p hidden>Kaspersky hidden</p>
    <aside class="related-stories"><p>More on Kaspersky</p></aside>
    <p>Kasperskyite is not a word; Kasper Schmeichel is a goalkeeper.</p></article>`;

let annotator: Annotator | null = null;
let controller: AbortController;

function start(html = ARTICLE): Annotator {
  document.body.innerHTML = html;
  controller = new AbortController();
  annotator = startAnnotator(document.getElementById('story')!, story.entities, { signal: controller.signal, debounceMs: 5 });
  return annotator;
}

const words = (a: Annotator) => a.mentions().map((m) => liveRange(m).toString());
/** The ranges of the page's highlight of marks (CSS.highlights, stubbed in test/unit/helpers/highlights-setup.ts). */
const drawn = (): AbstractRange[] => [...(CSS.highlights.get(MARK_HIGHLIGHT) ?? [])];
/** The text a range of one text node covers. */
const textOf = (range: AbstractRange) => (range.startContainer as Text).data.slice(range.startOffset, range.endOffset);
const settle = (ms = 40) => new Promise((resolve) => setTimeout(resolve, ms));

afterEach(() => {
  annotator?.stop();
  annotator = null;
  document.body.innerHTML = '';
});

describe('mention matching', () => {
  const matcher = compileMatcher(story.entities);
  it('takes the longest alias and whole words only', () => {
    const found = findMentions('Kaspersky Lab and Kaspersky, not Kasperskyite or Kasper.', matcher);
    expect(found.map((m) => [m.entity.id, m.end - m.start])).toEqual([
      ['kaspersky', 13],
      ['kaspersky', 9],
    ]);
  });
  it('leaves the NCSC out where the page means a namesake', () => {
    expect(entitiesToMark(story.entities, ['kaspersky'], false).map((e) => e.id)).not.toContain('ncsc');
    expect(entitiesToMark(story.entities, ['kaspersky'], true).map((e) => e.id)).toContain('ncsc');
  });
});

describe('startAnnotator', () => {
  it('marks mentions in the article text only, in document order', async () => {
    const a = start();
    await a.idle();
    expect(words(a)).toEqual(['Barclays', 'Kaspersky', 'Kaspersky Lab', 'Reuters', 'National Cyber Security Centre', 'Ciaran Martin']);
    expect(drawn().map(textOf)).toEqual(['Barclays', 'Kaspersky', 'Kaspersky Lab', 'Reuters', 'National Cyber Security Centre', 'Ciaran Martin']);
    expect(drawn().filter((range) => document.querySelector('nav')!.contains(range.startContainer))).toEqual([]);
    expect(document.querySelector('textarea')!.value).toBe('Kaspersky in a form');
  });

  it('passes over paragraphs that name no one, but not a name that markup joins to the next word', async () => {
    // "NCSC" is a whole word in its own node (how the page marks it up), though the paragraph's
    // text reads "NCSCs"; the other paragraphs hold no name at all.
    const a = start(
      `<article id="story"><p>Nothing here, <em>nothing</em> at all.</p>
      <p><em>NCSC</em>s said so.</p><p>Still <a href="#">nothing</a>.</p><p>Then <b>Kaspersky</b> replied.</p></article>`,
    );
    await a.idle();
    expect(words(a)).toEqual(['NCSC', 'Kaspersky']);
  });

  it("passes over paragraphs the detector's reader read whole, without reading them again, and marks what it would have marked", async () => {
    const quiet = Array.from({ length: 6 }, (_, i) => `<p>The council met on day ${i} and <a href="/x">spoke</a> about roads.</p>`).join('');
    const html = `<article id="story">${quiet}<p>Then <b>Kaspersky</b> Lab said so.</p>${quiet}</article>`;
    /** Mentions, and how often the annotator read an element's textContent. */
    const mark = async (read: boolean): Promise<[string[], number]> => {
      document.body.innerHTML = html;
      const root = document.getElementById('story')!;
      const blockTexts = new Map<Element, string>();
      if (read) textReader(root, blockTexts).read(LIMITS.text);
      expect(blockTexts.size).toBe(read ? 13 : 0);
      const reads = vi.spyOn(Node.prototype, 'textContent', 'get');
      controller = new AbortController();
      annotator = startAnnotator(root, story.entities, { signal: controller.signal, blockTexts });
      await annotator.idle();
      const count = reads.mock.calls.length;
      reads.mockRestore();
      const found = words(annotator);
      annotator.stop();
      return [found, count];
    };
    const [alone, readsAlone] = await mark(false);
    const [shared, readsShared] = await mark(true);
    expect(alone).toEqual(['Kaspersky']);
    expect(shared).toEqual(alone);
    // Only the paragraph with a name is read again (to place it), not the twelve without.
    expect(readsAlone).toBe(13);
    expect(readsShared).toBe(1);
  });

  it('leaves the DOM as it was (same text nodes) while marking and after teardown, which takes the highlights away', async () => {
    document.body.innerHTML = ARTICLE;
    const original = document.body.cloneNode(true);
    const node = document.querySelector('#story p')!.firstChild;
    controller = new AbortController();
    annotator = startAnnotator(document.getElementById('story')!, story.entities, { signal: controller.signal });
    await annotator.idle();
    expect(drawn().length).toBeGreaterThan(0);
    expect(document.body.textContent).toBe(original.textContent);
    expect(document.body.isEqualNode(original)).toBe(true);
    annotator.stop();
    expect(CSS.highlights.size).toBe(0);
    expect(document.body.innerHTML).toBe((original as HTMLElement).innerHTML);
    expect(document.body.isEqualNode(original)).toBe(true);
    expect(document.querySelector('#story p')!.firstChild).toBe(node);
  });

  it('marks text added later, once, without reacting to its own changes', async () => {
    const a = start();
    await a.idle();
    const p = document.createElement('p');
    p.textContent = 'Update: Barclays confirmed the change.';
    document.getElementById('story')!.append(p);
    await settle();
    await a.idle();
    expect(words(a)).toContain('Barclays');
    expect(a.mentions().filter((m) => m.node.parentElement === p)).toHaveLength(1);
    expect(
      drawn()
        .filter((range) => range.startContainer.parentElement === p)
        .map(textOf),
    ).toEqual(['Barclays']);
    const count = a.mentions().length;
    await settle(60);
    expect(a.mentions()).toHaveLength(count);
    expect(drawn()).toHaveLength(count);
  });

  it('drops mentions whose text the page removed, and re-marks rewritten text', async () => {
    const a = start();
    await a.idle();
    document.querySelector('#story h1')!.remove();
    const para = document.querySelectorAll('#story p')[1]!;
    para.textContent = 'Reuters and Barclays said nothing.';
    await settle();
    await a.idle();
    expect(words(a)).toEqual(['Kaspersky Lab', 'Reuters', 'Reuters', 'Barclays']);
    // The removed and rewritten text's marks are gone from the highlight; the new ones are in it.
    expect(drawn().map(textOf).sort()).toEqual(['Barclays', 'Kaspersky Lab', 'Reuters', 'Reuters']);
  });

  it('finds the mention under a text position', async () => {
    const a = start();
    await a.idle();
    const mention = a.mentions().find((m) => m.entity.id === 'ciaran-martin')!;
    expect(a.mentionAt(mention.node, mention.start + 3)).toBe(mention);
    expect(a.mentionAt(mention.node, mention.start - 2)).toBeUndefined();
    expect(a.mentionAt(document.body, 0)).toBeUndefined();
  });

  it('aborting its signal undoes everything', async () => {
    const a = start();
    await a.idle();
    expect(CSS.highlights.has(MARK_HIGHLIGHT)).toBe(true);
    controller.abort();
    expect(CSS.highlights.has(MARK_HIGHLIGHT)).toBe(false);
    expect(CSS.highlights.has(CURRENT_HIGHLIGHT)).toBe(false);
    expect(a.mentions()).toEqual([]);
    expect(a.count()).toBe(0);
  });
});

describe('huge pages', () => {
  const matcher = compileMatcher(story.entities);
  const WORD = fc.constantFrom(
    'Kaspersky',
    'Kaspersky Lab',
    'NCSC',
    'National Cyber Security Centre',
    'Kasper',
    'sky',
    'Lab',
    'x',
    'NCSCs',
    'Касперского',
    'Лаборатория Касперского',
    'Kasperskiego',
    "Kaspersky'nin",
    'カスペルスキー',
    '卡巴斯基',
    'ー',
    'я',
    'é',
    ' ',
    ' ',
    '-',
    '.',
  );

  it('a long node searched a window at a time finds exactly what one search of its whole text finds', () => {
    fc.assert(
      fc.property(fc.array(WORD, { maxLength: 40 }), fc.integer({ min: 1, max: 40 }), (words, chunk) => {
        const text = document.createTextNode(words.join(''));
        const found: [number, number, string][] = [];
        for (let at = 0; at < text.length; ) {
          const step = findMentionsInNode(text, matcher, at, Math.min(at + chunk, text.length));
          found.push(...step.found.map((m): [number, number, string] => [m.start, m.end, m.entity.id]));
          at = step.next;
        }
        expect(found).toEqual(findMentions(text.data, matcher).map((m) => [m.start, m.end, m.entity.id]));
      }),
      { numRuns: 500 },
    );
  });

  it('counts every mention of a long text node without reading it whole, and marks none of them', async () => {
    // Mentions every 997 characters, so some straddle the edges of the windows it is read through.
    const filler = 'the agency said so '.repeat(60).slice(0, 997 - 'Kaspersky'.length);
    const body = `${filler}Kaspersky`.repeat(Math.ceil((3 * LONG_TEXT) / 997));
    document.body.innerHTML = '<article id="story"><h1>About Kaspersky</h1><p></p></article>';
    const node = document.createTextNode(body);
    document.querySelector('#story p')!.append(node);
    const data = vi.spyOn(CharacterData.prototype, 'data', 'get');
    const textContent = vi.spyOn(Node.prototype, 'textContent', 'get');
    try {
      const a = startAnnotator(document.getElementById('story')!, story.entities, { signal: new AbortController().signal });
      annotator = a;
      await a.idle();
      expect(a.count()).toBe(1 + findMentions(body, matcher).length);
      expect(words(a)).toEqual(['Kaspersky']);
      expect(drawn().map((range) => range.startContainer)).toEqual([document.querySelector('#story h1')!.firstChild]);
      expect(document.querySelector('#story p')!.firstChild).toBe(node);
      expect(data.mock.contexts).not.toContain(node);
      expect(textContent.mock.contexts).not.toContain(node.parentNode);
    } finally {
      data.mockRestore();
      textContent.mockRestore();
    }
  });

  it(`marks the first ${MAX_DRAWN} mentions in document order, the limit falling inside a paragraph, and counts every one`, async () => {
    const paragraph = '<p>Kaspersky and the NCSC met Barclays, then Reuters, Kaspersky, NCSC, Barclays, Reuters, Kaspersky and NCSC.</p>';
    const counts: number[] = [];
    // A lead of 3 mentions, then 153 paragraphs of 10: the 1,000th mention is the 7th of paragraph 100.
    document.body.innerHTML = `<article id="story"><p>Kaspersky, the NCSC and Barclays.</p>${paragraph.repeat(153)}</article>`;
    controller = new AbortController();
    annotator = startAnnotator(document.getElementById('story')!, story.entities, {
      signal: controller.signal,
      onChange: (n) => counts.push(n),
    });
    await annotator.idle();
    expect(annotator.count()).toBe(1_533);
    expect(counts.at(-1)).toBe(1_533);
    expect(annotator.mentions()).toHaveLength(1_000);
    expect(drawn()).toHaveLength(1_000);
    const paragraphs = document.querySelectorAll('#story > p');
    const marksIn = (i: number) => drawn().filter((range) => range.startContainer.parentNode === paragraphs[i]);
    // The first hundred paragraphs are marked, the next one in part, the rest not at all.
    expect(marksIn(0)).toHaveLength(3);
    expect(marksIn(99)).toHaveLength(10);
    expect(marksIn(100).map(textOf)).toEqual(['Kaspersky', 'NCSC', 'Barclays', 'Reuters', 'Kaspersky', 'NCSC', 'Barclays']);
    expect(marksIn(101)).toHaveLength(0);
  });

  it('keeps marks the page adds later in document order', async () => {
    const a = start();
    await a.idle();
    const story = document.getElementById('story')!;
    const first = Object.assign(document.createElement('p'), { textContent: 'Reuters first.' });
    const last = Object.assign(document.createElement('p'), { textContent: 'Barclays last.' });
    story.prepend(first);
    story.append(last);
    await settle();
    await a.idle();
    const mentions = a.mentions();
    expect(words(a)[0]).toBe('Reuters');
    expect(words(a).at(-1)).toBe('Barclays');
    // Each mention after the one before it: later in the same text node, or in a later node.
    for (let i = 1; i < mentions.length; i += 1) {
      const [before, after] = [mentions[i - 1]!, mentions[i]!];
      if (before.node === after.node) expect(before.end).toBeLessThanOrEqual(after.start);
      else expect(before.node.compareDocumentPosition(after.node) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    }
  });
});

describe('startAnnotator (CSS highlights)', () => {
  const registry = CSS.highlights;

  it('draws every mark in one highlight without touching the DOM, and finds the mark under a text position', async () => {
    const html = '<article id="story"><p>Kaspersky, the NCSC and Barclays said Reuters was right about Kaspersky Lab.</p></article>';
    const a = start(html);
    await a.idle();
    expect(document.getElementById('story')!.outerHTML).toBe(html);
    expect(registry.get('backstory-mention')!.size).toBe(5);
    const node = document.querySelector('#story p')!.firstChild!;
    for (const mention of a.mentions()) {
      expect(a.mentionAt(node, mention.start)).toBe(mention);
      expect(a.mentionAt(node, mention.end)).toBe(mention);
    }
    expect(a.mentionAt(node, a.mentions()[0]!.end + 2)).toBeUndefined();
    a.renderer.setCurrent(a.mentions()[2]!);
    expect([...registry.get('backstory-current')!]).toEqual([a.mentions()[2]!.range]);
    a.stop();
    expect(registry.size).toBe(0);
  });
});
