import { afterEach, describe, expect, it } from 'vitest';
import { liveRange, startAnnotator, type Annotator } from '../../../src/content/annotator';
import { compileMatcher, entitiesToMark, findMentions } from '../../../src/content/mentions';
import { story } from '../../../src/shared/story';

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

function start(renderer: 'highlight' | 'wrap' = 'wrap', html = ARTICLE): Annotator {
  document.body.innerHTML = html;
  controller = new AbortController();
  annotator = startAnnotator(document.getElementById('story')!, story.entities, { signal: controller.signal, renderer, debounceMs: 5 });
  return annotator;
}

const words = (a: Annotator) => a.mentions().map((m) => liveRange(m).toString());
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
    expect(found.map((m) => [m.entity.id, m.end - m.start])).toEqual([['kaspersky', 13], ['kaspersky', 9]]);
  });
  it('leaves the NCSC out where the page means a namesake', () => {
    expect(entitiesToMark(story.entities, ['kaspersky'], false).map((e) => e.id)).not.toContain('ncsc');
    expect(entitiesToMark(story.entities, ['kaspersky'], true).map((e) => e.id)).toContain('ncsc');
  });
});

describe('startAnnotator (wrap renderer, as used where CSS highlights are missing)', () => {
  it('marks mentions in the article text only, in document order', async () => {
    const a = start();
    await a.idle();
    expect(words(a)).toEqual(['Barclays', 'Kaspersky', 'Kaspersky Lab', 'Reuters', 'National Cyber Security Centre', 'Ciaran Martin']);
    expect(document.querySelectorAll('backstory-mark')).toHaveLength(6);
    expect(document.querySelector('nav')!.innerHTML).not.toContain('backstory-mark');
    expect(document.querySelector('textarea')!.value).toBe('Kaspersky in a form');
  });

  it('passes over paragraphs that name no one, but not a name that markup joins to the next word', async () => {
    // "NCSC" is a whole word in its own node (how the page marks it up), though the paragraph's
    // text reads "NCSCs"; the other paragraphs hold no name at all.
    const a = start('wrap', `<article id="story"><p>Nothing here, <em>nothing</em> at all.</p>
      <p><em>NCSC</em>s said so.</p><p>Still <a href="#">nothing</a>.</p><p>Then <b>Kaspersky</b> replied.</p></article>`);
    await a.idle();
    expect(words(a)).toEqual(['NCSC', 'Kaspersky']);
  });

  it('keeps the page text the same, and teardown restores the DOM exactly (same text nodes)', async () => {
    document.body.innerHTML = ARTICLE;
    const original = document.body.cloneNode(true);
    const node = document.querySelector('#story p')!.firstChild;
    controller = new AbortController();
    annotator = startAnnotator(document.getElementById('story')!, story.entities, { signal: controller.signal, renderer: 'wrap' });
    await annotator.idle();
    expect(document.querySelectorAll('backstory-mark').length).toBeGreaterThan(0);
    expect(document.body.textContent).toBe(original.textContent);
    annotator.stop();
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
    expect(a.mentions().filter((m) => m.node.parentElement?.parentElement === p)).toHaveLength(1);
    const count = a.mentions().length;
    await settle(60);
    expect(a.mentions()).toHaveLength(count);
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
  });

  it('finds the mention under a text position', async () => {
    const a = start();
    await a.idle();
    const mention = a.mentions().find((m) => m.entity.id === 'ciaran-martin')!;
    expect(a.mentionAt(mention.node, 3)).toBe(mention);
    expect(a.mentionAt(document.body, 0)).toBeUndefined();
  });

  it('aborting its signal undoes everything', async () => {
    const a = start();
    await a.idle();
    controller.abort();
    expect(document.querySelectorAll('backstory-mark')).toHaveLength(0);
    expect(a.mentions()).toEqual([]);
  });
});
