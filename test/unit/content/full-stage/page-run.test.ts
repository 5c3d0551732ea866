// biome-ignore lint/correctness/noUnusedImports: `it` is used; Biome 2.6.8 reports it unused in this file (a false positive).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CURRENT_HIGHLIGHT, MARK_HIGHLIGHT } from '../../../../src/content/marks/mark-renderer';
import { CARD_TAG } from '../../../../src/content/marks/mention-card';
import { PANEL_TAG } from '../../../../src/content/panel/panel';
import { runPage } from '../../../../src/content/full-stage/page-run';
import { fakeLayout } from '../../helpers/fake-layout';
import { userClick } from '../../helpers/user-input';

const ARTICLE = `<header><h1>Ledger</h1></header><article><h1>Barclays drops Kaspersky software after NCSC advice</h1>
  <p>Barclays said it would stop offering Kaspersky products after the National Cyber Security Centre advised departments in London.</p>
  <p>Kaspersky said its software was safe. GCHQ, home of the NCSC, did not comment.</p></article>`;

afterEach(() => {
  document.body.innerHTML = '';
  document.head.innerHTML = '';
});

describe('runPage', () => {
  it('on a relevant page mounts the panel, marks mentions and counts them in the panel; the card waits for its first use', async () => {
    document.body.innerHTML = ARTICLE;
    const run = runPage(document, 'https://news.example.co.uk/2017/12/kaspersky');
    expect(run.verdict.topics).toEqual(['kaspersky', 'ncsc']);
    await run.annotator!.idle();
    expect(run.annotator!.mentions().map((m) => m.entity.id)).toEqual(['barclays', 'kaspersky', 'ncsc', 'barclays', 'kaspersky', 'ncsc', 'kaspersky', 'ncsc']);
    expect(document.querySelectorAll(PANEL_TAG)).toHaveLength(1);
    expect(document.querySelector(PANEL_TAG)!.shadowRoot!.querySelector('.count')!.textContent).toBe('8 mentions on this page —');
    expect(document.querySelectorAll(CARD_TAG)).toHaveLength(0);
    fakeLayout();
    userClick(document.querySelector(PANEL_TAG)!.shadowRoot!.querySelector<HTMLButtonElement>('button.next')!);
    expect(document.querySelectorAll(CARD_TAG)).toHaveLength(1);
    expect(document.querySelector(CARD_TAG)!.shadowRoot!.querySelector('.name')!.textContent).toBe('Barclays');
    run.stop();
    expect(document.querySelectorAll(CARD_TAG)).toHaveLength(0);
  });

  it('stepping announces each mention in turn and wraps around', async () => {
    document.body.innerHTML = ARTICLE;
    const run = runPage(document, 'https://news.example.co.uk/2017/12/kaspersky');
    await run.annotator!.idle();
    fakeLayout();
    const shadow = document.querySelector(PANEL_TAG)!.shadowRoot!;
    const said = () => shadow.querySelector('.said')!.textContent;
    userClick(shadow.querySelector<HTMLButtonElement>('button.prev')!);
    expect(said()).toMatch(/^Mention 8 of 8: National Cyber Security Centre \(NCSC\): /);
    userClick(shadow.querySelector<HTMLButtonElement>('button.next')!);
    expect(said()).toMatch(/^Mention 1 of 8: Barclays: /);
    // The current mark is the one range of the "current" highlight.
    const current = [...CSS.highlights.get(CURRENT_HIGHLIGHT)!];
    expect(current.map((r) => (r.startContainer as Text).data.slice(r.startOffset, r.endOffset))).toEqual(['Barclays']);
    run.stop();
  });

  it('closing the panel removes marks, card and styles, leaving the page as it was', async () => {
    document.body.innerHTML = ARTICLE;
    const original = document.body.cloneNode(true);
    const run = runPage(document, 'https://news.example.co.uk/2017/12/kaspersky');
    await run.annotator!.idle();
    expect(CSS.highlights.get(MARK_HIGHLIGHT)!.size).toBeGreaterThan(0);
    userClick(document.querySelector(PANEL_TAG)!.shadowRoot!.querySelector<HTMLButtonElement>('button.dismiss')!);
    expect(CSS.highlights.size).toBe(0);
    expect(document.body.isEqualNode(original)).toBe(true);
    expect(document.head.querySelector('style')).toBeNull();
  });

  it('on an English page that quotes coverage in other scripts, marks those names too, counts every mark and explains each', async () => {
    document.body.innerHTML = `<article>${ARTICLE.split('<article>')[1]!.replace('</article>', '')}
      <p>Russian outlets wrote that «Лаборатория Касперского» disagreed, and Japanese ones quoted カスペルスキーの声明.</p>
      <p>Ukrainian coverage named Чаран Мартін of the Національного центру кібербезпеки.</p></article>`;
    const run = runPage(document, 'https://news.example.co.uk/2017/12/kaspersky');
    await run.annotator!.idle();
    const words = run.annotator!.mentions().map((m) => `${m.node.data.slice(m.start, m.end)}:${m.entity.id}`);
    expect(words.slice(8)).toEqual([
      'Лаборатория Касперского:kaspersky',
      'カスペルスキー:kaspersky',
      'Чаран Мартін:ciaran-martin',
      'Національного центру кібербезпеки:ncsc',
    ]);
    expect(CSS.highlights.get(MARK_HIGHLIGHT)!.size).toBe(12);
    expect(document.querySelector(PANEL_TAG)!.shadowRoot!.querySelector('.count')!.textContent).toBe('12 mentions on this page —');
    fakeLayout();
    const shadow = document.querySelector(PANEL_TAG)!.shadowRoot!;
    userClick(shadow.querySelector<HTMLButtonElement>('button.prev')!);
    expect(document.querySelector(CARD_TAG)!.shadowRoot!.querySelector('.name')!.textContent).toBe('National Cyber Security Centre (NCSC)');
    userClick(shadow.querySelector<HTMLButtonElement>('button.prev')!);
    expect(shadow.querySelector('.said')!.textContent).toMatch(/^Mention 11 of 12: Ciaran Martin: /);
    userClick(shadow.querySelector<HTMLButtonElement>('button.prev')!);
    userClick(shadow.querySelector<HTMLButtonElement>('button.prev')!);
    expect(document.querySelector(CARD_TAG)!.shadowRoot!.querySelector('.name')!.textContent).toBe('Kaspersky Lab');
    run.stop();
  });

  it('on an irrelevant page changes nothing', () => {
    document.body.innerHTML = '<article><h1>Marrows</h1><p>Growers celebrate a record harvest of marrows this year.</p></article>';
    const before = document.documentElement.outerHTML;
    const run = runPage(document, 'https://news.example.co.uk/marrows');
    expect(run.verdict.relevant).toBe(false);
    expect(run.annotator).toBeNull();
    expect(document.documentElement.outerHTML).toBe(before);
  });
});
