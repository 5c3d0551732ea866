// The first stage's test is a necessary condition of the full detector: every page the full
// detector calls relevant passes it. Checked on generated pages (fast-check), on both labelled sets,
// and piece by piece on the first look's bounds.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyPage } from '../../../src/content/classify-page';
import { FIRST_LOOK_TEXT, isHtmlPage, mayBeAboutPage, readFirstLook } from '../../../src/content/first-look';
import { readPage } from '../../../src/content/read-page';
import { detectTopic } from '../../../src/shared/detect-topic';
import { CORPUS_DIR, HOLDOUT_DIR, loadCorpusIndex } from '../../../scripts/lib/corpus';

const parse = (html: string): Document => new DOMParser().parseFromString(html, 'text/html');

/** Generated pages; each property run is one page. */
const PAGES = Number(process.env.FIRST_STAGE_PAGES ?? 10_000);

const TOPIC = fc.constantFrom(
  'Kaspersky',
  'Kaspersky Lab',
  'kaspersky',
  'NCSC',
  'ncsc',
  'National Cyber Security Centre',
  'National Cyber-Security Center',
  'the UK’s cyber agency',
  'Britain’s cyber security agency',
  'GCHQ',
  'Ciaran Martin',
  'NCSC (National Counterintelligence and Security Center)',
);
const CONTEXT = fc.constantFrom('London', 'UK', 'Whitehall', 'Dutch', 'New Zealand', 'judges', 'India', 'Barclays', 'Reuters', 'antivirus', 'government');
const FILLER = fc.constantFrom(
  'the',
  'council',
  'said',
  'on',
  'Tuesday',
  'a',
  'report',
  'about',
  'weather',
  'markets',
  'rose',
  'and',
  'fell',
  'cyber',
  'centre',
  'national',
  'security',
);
/** A run of words: mostly filler, sometimes a name or a word of context. */
const WORDS = fc
  .array(fc.oneof({ weight: 40, arbitrary: FILLER }, { weight: 1, arbitrary: TOPIC }, { weight: 3, arbitrary: CONTEXT }), { maxLength: 30 })
  .map((w) => w.join(' '));
/** Text that pushes what follows far down the page: up to about 16,000 characters of filler. */
const PADDING = fc.oneof(
  { weight: 5, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: fc.integer({ min: 200, max: 300 }).map((n) => 'Residents met again to discuss the plans. '.repeat(n)) },
);
const SLUG = fc.array(
  fc.oneof(
    FILLER,
    TOPIC.map((t) => encodeURIComponent(t.toLowerCase().replace(/ /g, fc.sample(fc.constantFrom('-', '_', '+'), 1)[0]!))),
  ),
  { maxLength: 6 },
);

const esc = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

const PAGE = fc
  .record({
    slug: SLUG,
    title: WORDS,
    metas: fc.array(fc.record({ name: fc.constantFrom('description', 'og:title', 'twitter:description', 'keywords', 'author', 'og:url'), text: WORDS }), {
      maxLength: 4,
    }),
    nav: fc.array(WORDS, { maxLength: 8 }),
    padding: PADDING,
    container: fc.constantFrom('article', 'main', 'div', 'section'),
    headline: fc.option(WORDS),
    paragraphs: fc.array(fc.oneof({ weight: 8, arbitrary: WORDS }, { weight: 1, arbitrary: PADDING }), { maxLength: 12 }),
    aside: WORDS,
    script: WORDS,
  })
  .map((p) => ({
    url: `https://news.example.com/${p.slug.join('/')}`,
    html: `<!doctype html><html><head><title>${esc(p.title)}</title>${p.metas.map((m) => `<meta name="${m.name}" content="${esc(m.text).replace(/"/g, '&quot;')}">`).join('')}</head>
<body><header><nav>${p.nav.map((n) => `<a href="/x">${esc(n)}</a>`).join(' ')}</nav></header><div class="teasers"><p>${esc(p.padding)}</p></div>
<${p.container}>${p.headline === null ? '' : `<h1>${esc(p.headline)}</h1>`}${p.paragraphs.map((t) => `<p>${esc(t)}</p>`).join('\n')}</${p.container}>
<aside>${esc(p.aside)}</aside><script>var s = ${JSON.stringify(p.script)};</script><footer>${esc(p.aside)}</footer></body></html>`,
  }));

/** The body's words as the first look counts them (no scripts or styles). */
function bodyWords(doc: Document): number {
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
  let n = 0;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (!['script', 'style', 'noscript', 'template'].includes(node.parentElement!.localName)) n += node.length;
  }
  return n;
}

describe('the first stage is a necessary condition of the full detector', () => {
  it(`holds on ${PAGES.toLocaleString('en')} generated pages, and the detector without its first look agrees wherever the first look reads the whole body`, () => {
    const seen = { relevant: 0, dismissed: 0, wholeBodyRead: 0, rawRelevant: 0 };
    fc.assert(
      fc.property(PAGE, ({ url, html }) => {
        const doc = parse(html);
        const first = mayBeAboutPage(doc, url);
        const verdict = classifyPage(doc, url);
        if (verdict.relevant) seen.relevant += 1;
        if (!first) seen.dismissed += 1;
        // The full detector: relevant only where the first stage passes.
        expect(!verdict.relevant || first).toBe(true);
        // Where the first look reads the whole body, it reads everything the detector's own sample
        // holds (address, title, meta, headings, main text): the bare detector, without the first
        // look in front, may only call relevant pages the first stage passes.
        if (bodyWords(doc) <= FIRST_LOOK_TEXT) {
          seen.wholeBodyRead += 1;
          const raw = detectTopic(readPage(doc, url));
          if (raw.relevant) seen.rawRelevant += 1;
          expect(!raw.relevant || first).toBe(true);
        }
      }),
      { numRuns: PAGES },
    );
    // Not vacuous: the generator gives both kinds of page, in numbers.
    expect(seen.relevant).toBeGreaterThan(PAGES / 50);
    expect(seen.dismissed).toBeGreaterThan(PAGES / 20);
    expect(seen.wholeBodyRead).toBeGreaterThan(PAGES / 10);
    expect(seen.rawRelevant).toBeGreaterThan(PAGES / 50);
  }, 600_000);

  it.each([
    ['development', CORPUS_DIR],
    ['holdout', HOLDOUT_DIR],
  ])(
    'holds on every relevant page of the %s set',
    (_, dir) => {
      const relevant = loadCorpusIndex(dir).filter((entry) => entry.topics.length > 0);
      expect(relevant.length).toBeGreaterThan(10);
      for (const entry of relevant) {
        const doc = parse(readFileSync(entry.path, 'utf8'));
        // The bare detector, as it reads the page, not only the gated one.
        const raw = detectTopic(readPage(doc, entry.url));
        if (raw.relevant) expect(mayBeAboutPage(doc, entry.url), entry.file).toBe(true);
      }
    },
    60_000,
  );
});

describe('readFirstLook', () => {
  const page = (body: string, head = '<title>Allotments</title>') => parse(`<html><head>${head}</head><body>${body}</body></html>`);

  it('reads the address, its words, the title, the describing meta tags and the body text', () => {
    const doc = page(
      '<p>Growers met.</p>',
      '<title>Allotments</title><meta name="description" content="Marrows"><meta name="author" content="Ann"><meta property="og:title" content="Big marrow">',
    );
    expect(readFirstLook(doc, 'https://a.example/uk_cyber-agency%20news')).toEqual([
      'https://a.example/uk_cyber-agency%20news',
      ' uk cyber agency news',
      'Allotments',
      'Marrows',
      'Big marrow',
      'Growers met.',
    ]);
  });

  it('reads no further than FIRST_LOOK_TEXT characters of the body, so a late mention is not seen', () => {
    const late = page(`<p>${'x'.repeat(FIRST_LOOK_TEXT)}</p><p>Kaspersky</p>`);
    expect(readFirstLook(late, 'https://a.example/').at(-1)).toHaveLength(FIRST_LOOK_TEXT);
    expect(mayBeAboutPage(late, 'https://a.example/')).toBe(false);
    const early = page(`<p>${'x'.repeat(FIRST_LOOK_TEXT - 9)}</p><p>Kaspersky</p>`);
    expect(mayBeAboutPage(early, 'https://a.example/')).toBe(true);
  });

  it('skips scripts and styles, and finds a name that markup splits', () => {
    expect(mayBeAboutPage(page('<script>var k = "kaspersky";</script><style>.ncsc{}</style><p>Weather</p>'), 'https://a.example/')).toBe(false);
    expect(mayBeAboutPage(page('<p>Kasper<b>sky</b> said</p>'), 'https://a.example/')).toBe(true);
  });

  it('takes only the start of a huge text node, without copying it whole', () => {
    const doc = page('<p></p>');
    const node = doc.createTextNode('a'.repeat(FIRST_LOOK_TEXT * 50));
    doc.querySelector('p')!.append(node);
    let copied = false;
    Object.defineProperty(node, 'data', {
      get: () => {
        copied = true;
        return '';
      },
    });
    expect(readFirstLook(doc, 'https://a.example/').at(-1)).toHaveLength(FIRST_LOOK_TEXT);
    expect(copied).toBe(false);
  });

  it('is about HTML pages only', () => {
    const xml = new DOMParser().parseFromString('<feed><title>Kaspersky</title></feed>', 'application/xml');
    expect(isHtmlPage(xml)).toBe(false);
    expect(mayBeAboutPage(xml, 'https://a.example/kaspersky')).toBe(false);
  });
});
