// The first stage's test is a necessary condition of the full detector: every page the full
// detector calls relevant passes it. The terms' forms come from the detector's own patterns
// (helpers/term-forms.ts). Checked form by form, on generated strings as the two stages read them,
// on generated pages, on both labelled sets, and piece by piece on the first look's bounds.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR, HOLDOUT_DIR, LANGUAGES_DIR, LANGUAGES_HOLDOUT_DIR, loadCorpusIndex } from '../../../scripts/lib/corpus';
import { classifyPage } from '../../../src/content/full-stage/classify-page';
import { FIRST_LOOK_TEXT, isHtmlPage, mayBeAboutPage, readFirstLook } from '../../../src/content/first-look';
import { readPage } from '../../../src/content/full-stage/read-page';
import { mayBeAbout } from '../../../src/content/candidate';
import { candidateSource, detectTopic, LIMITS, type PageSample } from '../../../src/shared/detect-topic';
import { urlWords } from '../../../src/shared/page-head';
import { TERM_FORMS } from '../helpers/term-forms';

const parse = (html: string): Document => new DOMParser().parseFromString(html, 'text/html');
const sample = (p: Partial<PageSample>): PageSample => ({ url: 'https://news.example.com/story', title: '', headings: [], meta: [], text: '', ...p });
/** The terms the detector counted in `s`, by label. */
const countedTerms = (s: PageSample): string[] => detectTopic(s).evidence.map((e) => e.term);

const ALL_FORMS = TERM_FORMS.flatMap(({ forms }) => forms);

describe('every form of every detector term passes the first stage', () => {
  it('enumerates the forms of every term', () => {
    expect(TERM_FORMS.map(({ term, forms }) => [term.label, forms.length > 0])).toEqual([
      ['Kaspersky', true],
      ['Kaspersky (inflected)', true],
      ['Касперский', true],
      ['カスペルスキー', true],
      ['卡巴斯基', true],
      ['카스퍼스키', true],
      ['Κάσπερσκι', true],
      ['كاسبرسكي', true],
      ['קספרסקי', true],
      ['National Cyber Security Centre', true],
      ['NCSC', true],
      ['UK cyber agency', true],
      ['Nationales Zentrum für Cybersicherheit', true],
      ['Centre national de cybersécurité', true],
      ['Centro Nacional de Ciberseguridad', true],
      ['Национальный центр кибербезопасности', true],
      ['国家サイバーセキュリティセンター', true],
      ['国家网络安全中心', true],
    ]);
    expect(ALL_FORMS).toEqual(expect.arrayContaining(['the UK’s cyber watchdog', 'Britain cyber-security authority', 'national cyber-security center']));
    expect(ALL_FORMS).toEqual(
      expect.arrayContaining([
        'kasperskyja',
        'kasperského',
        'касперского',
        'касперського',
        'nationales cyber-sicherheitszentrum',
        'національного центру кібербезпеки',
      ]),
    );
  });

  it.each(TERM_FORMS.filter(({ term }) => term.stem).map(({ term, forms }) => [term.label, term.stem!, forms] as const))(
    '%s: its stem, which the first stage looks for instead of its words, is in every form the detector counts',
    (_, stem, forms) => {
      const inForm = new RegExp(stem.source, 'i');
      expect(forms.filter((form) => !inForm.test(form))).toEqual([]);
      expect(candidateSource()).toContain(stem.source);
    },
  );

  it.each(TERM_FORMS.map(({ term, forms }) => [term.label, forms] as const))(
    '%s: counted by the detector, and found by the first stage however the page joins it',
    (label, forms) => {
      // The detector counts every form (so the enumeration is right): a few hundred at a time, one
      // to a sentence, all in the body after the lead, well within the text it reads.
      for (let i = 0; i < forms.length; i += 400) {
        const batch = forms.slice(i, i + 400);
        const evidence = detectTopic(sample({ text: `${'x'.repeat(LIMITS.lead)} ${batch.map((form) => `${form}. `).join('')}` })).evidence;
        expect(evidence.filter((e) => e.term === label).reduce((n, e) => n + e.count, 0)).toBe(batch.length);
      }
      // The first stage finds each as written, in either case, inside other words, with its
      // separators dropped (text nodes joined with nothing) or widened to runs of white space.
      for (const form of forms) {
        for (const text of [form, form.toUpperCase(), form.toLowerCase(), `x${form}y`, form.replace(/[\s-]/g, ''), form.replace(/\s/g, ' \t\n ')]) {
          expect(mayBeAbout(['Allotments', text]), JSON.stringify(text)).toBe(true);
        }
      }
    },
    30_000,
  );

  it('the cyber watchdog and authority pages: relevant to the detector, and candidates', () => {
    for (const word of ['watchdog', 'authority']) {
      const title = `Britain's cyber ${word} warns banks`;
      const text = `The UK's cyber ${word} said banks should review their software suppliers.`;
      expect(detectTopic(sample({ title, text })).topics).toEqual(['ncsc']);
      const doc = parse(`<!doctype html><html><head><title>${title}</title></head><body><article><h1>${title}</h1><p>${text}</p></article></body></html>`);
      expect(mayBeAboutPage(doc, 'https://news.example.com/banks')).toBe(true);
      expect(classifyPage(doc, 'https://news.example.com/banks').topics).toEqual(['ncsc']);
    }
  });

  it('is not passed by text that names neither topic', () => {
    for (const text of [
      'Kasper Schmeichel saved a penalty',
      'Kasperi Kapanen and Kasperczak',
      'national cyber strategy',
      'the cyber security firm',
      'cybersecurity',
      'GCHQ',
      '',
    ]) {
      expect(mayBeAbout(['https://news.example.com/sport', text]), text).toBe(false);
    }
  });
});

/** Separators a page may hold between words, as written in its markup. */
const SPACE = fc.constantFrom(' ', ' ', ' ', '  ', '\t', '\n', '\u00a0', ' - ', '-');
const FILLER = fc.constantFrom(
  'the',
  'council',
  'said',
  'on',
  'Tuesday',
  'report',
  'weather',
  'cyber',
  'centre',
  'national',
  'security',
  'UK',
  'agency',
  'Kasper',
  // Near misses in other languages and scripts.
  'Kasperi',
  'Каспер',
  'кибер',
  'центр',
  'Zentrum',
  'für',
  'サイバー',
  '国家',
  'Великобритании',
);
const FORM = fc.constantFrom(...ALL_FORMS);
/** Filler and term forms, with random separators and case. */
const TEXT = fc
  .array(fc.tuple(fc.oneof({ weight: 6, arbitrary: FILLER }, { weight: 1, arbitrary: FORM }), SPACE, fc.boolean()), { maxLength: 24 })
  .map((words) => words.map(([w, space, upper]) => (upper ? w.toUpperCase() : w) + space).join(''));

describe('a string-level property: what the detector counts, the first stage finds', () => {
  it('holds when the text is cut into nodes, the detector reads blocks as lines and collapses white space, and the first look joins the nodes as they stand', () => {
    const seen = { counted: 0, dismissed: 0 };
    fc.assert(
      fc.property(TEXT, TEXT, fc.array(fc.nat(), { maxLength: 6 }), fc.array(fc.boolean(), { maxLength: 6 }), (title, body, cuts, blocks) => {
        // Text nodes: the body cut at random places; some node boundaries are block boundaries.
        const at = [...new Set(cuts.map((c) => c % (body.length + 1)))].sort((a, b) => a - b);
        const nodes = [0, ...at].map((from, i) => body.slice(from, at[i] ?? body.length));
        const detectorText = nodes
          .map((node, i) => (blocks[i] ? '\n' : '') + node)
          .join('')
          .replace(/[ \t\r\f\v]+/g, ' ');
        const s = sample({ title, text: detectorText });
        const first = mayBeAbout([urlWords(s.url), s.title, ...s.meta, nodes.join('')]);
        if (countedTerms(s).length > 0) seen.counted += 1;
        if (!first) seen.dismissed += 1;
        expect(countedTerms(s).length === 0 || first).toBe(true);
      }),
      { numRuns: 2_000 },
    );
    // Not vacuous: both kinds, in numbers.
    expect(seen.counted).toBeGreaterThan(200);
    expect(seen.dismissed).toBeGreaterThan(200);
  }, 60_000);
});

/** Generated pages; each property run is one page. */
const PAGES = Number(process.env.FIRST_STAGE_PAGES ?? 200);

/** Names of the topics' context: not terms, but they move the detector's verdict. */
const CONTEXT = fc.constantFrom(
  'London',
  'UK',
  'Whitehall',
  'GCHQ',
  'Ciaran Martin',
  'NCSC (National Counterintelligence and Security Center)',
  'Dutch',
  'New Zealand',
  'judges',
  'India',
  'Barclays',
  'antivirus',
);
/** A run of words: mostly filler, sometimes a term's form or a word of context. */
const WORDS = fc
  .array(fc.oneof({ weight: 40, arbitrary: FILLER }, { weight: 1, arbitrary: FORM }, { weight: 3, arbitrary: CONTEXT }), { maxLength: 30 })
  .map((w) => w.join(' '));
/** Text that pushes what follows far down the page: about 10,000 characters of filler, now and then. */
const PADDING = fc.oneof(
  { weight: 7, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: fc.integer({ min: 200, max: 300 }).map((n) => 'Residents met again. '.repeat(n * 2)) },
);
const SLUG = fc.array(
  fc.oneof(
    { weight: 6, arbitrary: FILLER },
    {
      weight: 1,
      arbitrary: fc.tuple(FORM, fc.constantFrom('-', '_', '+', '%20')).map(([form, sep]) => encodeURIComponent(form.toLowerCase()).replace(/%20/g, sep)),
    },
  ),
  { maxLength: 4 },
);
/** How a paragraph's words are marked up: as they are, with a word split by inline markup, or split into two blocks. */
const SPLIT = fc.tuple(fc.constantFrom('', '<b>', '<br>', '</p><p>', '</div><div>'), fc.nat());

const esc = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const paragraph = ([text, [markup, at]]: [string, [string, number]]): string => {
  const cut = at % (text.length + 1);
  const tag = markup === '</div><div>' ? 'div' : 'p';
  return `<${tag}>${esc(text.slice(0, cut))}${markup === '<b>' ? `<b>${esc(text.slice(cut))}</b>` : markup + esc(text.slice(cut))}</${tag}>`;
};

const PAGE = fc
  .record({
    slug: SLUG,
    title: WORDS,
    metas: fc.array(fc.record({ name: fc.constantFrom('description', 'og:title', 'twitter:description', 'keywords', 'author', 'og:url'), text: WORDS }), {
      maxLength: 4,
    }),
    nav: fc.array(WORDS, { maxLength: 4 }),
    padding: PADDING,
    container: fc.constantFrom('article', 'main', 'div', 'section'),
    headline: fc.option(WORDS),
    paragraphs: fc.array(fc.tuple(fc.oneof({ weight: 20, arbitrary: WORDS }, { weight: 1, arbitrary: PADDING }), SPLIT), { maxLength: 8 }),
    aside: WORDS,
    script: WORDS,
  })
  .map((p) => ({
    url: `https://news.example.com/${p.slug.join('/')}`,
    html: `<!doctype html><html><head><title>${esc(p.title)}</title>${p.metas.map((m) => `<meta name="${m.name}" content="${esc(m.text).replace(/"/g, '&quot;')}">`).join('')}</head>
<body><header><nav>${p.nav.map((n) => `<a href="/x">${esc(n)}</a>`).join(' ')}</nav></header><div class="teasers"><p>${esc(p.padding)}</p></div>
<${p.container}>${p.headline === null ? '' : `<h1>${esc(p.headline)}</h1>`}${p.paragraphs.map(paragraph).join('\n')}</${p.container}>
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
  it(`holds on ${PAGES.toLocaleString('en')} generated pages; where the first look reads the whole body, it sees every term the bare detector counts`, () => {
    const seen = { relevant: 0, dismissed: 0, wholeBodyRead: 0, counted: 0, rawRelevant: 0 };
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
        // holds: the same address, title and meta tags, and the headings and main text too. The
        // bare detector, without the first look in front, counts a term only on pages the first
        // stage passes.
        if (bodyWords(doc) <= FIRST_LOOK_TEXT) {
          seen.wholeBodyRead += 1;
          const raw = readPage(doc, url);
          expect(readFirstLook(doc, url).slice(0, -1)).toEqual([urlWords(url), raw.title, ...raw.meta]);
          const counted = detectTopic(raw);
          if (counted.evidence.length > 0) seen.counted += 1;
          if (counted.relevant) seen.rawRelevant += 1;
          expect(counted.evidence.length === 0 || first).toBe(true);
        }
      }),
      { numRuns: PAGES },
    );
    // Not vacuous: the generator gives every kind of page, in numbers.
    expect(seen.relevant).toBeGreaterThan(PAGES / 50);
    expect(seen.dismissed).toBeGreaterThan(PAGES / 20);
    expect(seen.wholeBodyRead).toBeGreaterThan(PAGES / 2);
    expect(PAGES - seen.wholeBodyRead).toBeGreaterThan(PAGES / 40);
    expect(seen.counted).toBeGreaterThan(PAGES / 10);
    expect(seen.rawRelevant).toBeGreaterThan(PAGES / 50);
  }, 120_000);

  it.each([
    ['development', CORPUS_DIR],
    ['holdout', HOLDOUT_DIR],
    ['languages', LANGUAGES_DIR],
    ['languages held-out', LANGUAGES_HOLDOUT_DIR],
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

  it('reads the address as words, the title, the describing meta tags and the body text', () => {
    const doc = page(
      '<p>Growers met.</p>',
      '<title>Allotments</title><meta name="description" content="Marrows"><meta name="author" content="Ann"><meta property="og:title" content="Big marrow">',
    );
    expect(readFirstLook(doc, 'https://a.example/uk_cyber-agency%20news?q=x')).toEqual([
      'a.example  uk cyber agency news',
      'Allotments',
      'Marrows',
      'Big marrow',
      'Growers met.',
    ]);
  });

  it('reads at most 20 describing meta tags of 500 characters each, the same ones the detector reads', () => {
    const metas = Array.from({ length: 25 }, (_, i) => `<meta name="${i % 2 ? 'description' : 'og:title'}" content="${String(i).padEnd(600, 'm')}">`).join('');
    const doc = page('<p>Growers met.</p>', `<title>Allotments</title><meta name="viewport" content="width=device-width">${metas}`);
    const look = readFirstLook(doc, 'https://a.example/');
    const meta = look.slice(2, -1);
    expect(meta).toHaveLength(20);
    expect(meta.every((m) => m.length === 500)).toBe(true);
    expect(meta[19]!.startsWith('19')).toBe(true);
    expect(readPage(doc, 'https://a.example/').meta).toEqual(meta);
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
    expect(mayBeAboutPage(page('<p>the national cyber</p><p>security centre</p>'), 'https://a.example/')).toBe(true);
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

  it("looks at a text node's parent only where its text could be code", () => {
    // In a content script each element the script touches costs the page a wrapper (docs/performance.md).
    const doc = page(
      '<nav><a href="/">Home</a> <a href="/uk">UK</a></nav><h1>Growers (again) met</h1><p>Marrows, <em>big</em> ones.</p><p>a; b</p><p>x = 1</p>',
    );
    const looked: string[] = [];
    const parentNode = Object.getOwnPropertyDescriptor(Node.prototype, 'parentNode')!;
    Object.defineProperty(Node.prototype, 'parentNode', {
      configurable: true,
      get(this: Node) {
        if (this.nodeType === Node.TEXT_NODE) looked.push((this as Text).data);
        return parentNode.get!.call(this);
      },
    });
    try {
      expect(readFirstLook(doc, 'https://a.example/').at(-1)).toBe('Home UKGrowers (again) metMarrows, big ones.a; bx = 1');
    } finally {
      Object.defineProperty(Node.prototype, 'parentNode', parentNode);
    }
    expect(looked).toEqual(['a; b', 'x = 1']);
  });

  it('reads a script or style sheet without a character of code as words, and skips every other', () => {
    const look = (body: string) => readFirstLook(page(body), 'https://a.example/').at(-1);
    expect(look('<p>Marrows</p><script>init()</script><style></style><noscript>Turn on scripts</noscript>')).toBe('Marrowsinit()Turn on scripts');
    expect(look('<p>Marrows</p><script>init();</script><script>x = 1</script><style>p{}</style><noscript><img src="/x"></noscript>')).toBe('Marrows');
  });

  it('is about HTML pages only', () => {
    const xml = new DOMParser().parseFromString('<feed><title>Kaspersky</title></feed>', 'application/xml');
    expect(isHtmlPage(xml)).toBe(false);
    expect(mayBeAboutPage(xml, 'https://a.example/kaspersky')).toBe(false);
  });
});
