import { describe, expect, it, vi } from 'vitest';
import { findMainRoot, readPage, scanLandmarks, textReader } from '../../../../src/content/full-stage/read-page';
import { LIMITS } from '../../../../src/shared/detect-topic';

const parse = (html: string): Document => new DOMParser().parseFromString(html, 'text/html');
const para = (words: string, n = 4): string =>
  Array.from({ length: n }, (_, i) => `<p>${words} Paragraph ${i + 1} goes on with more detail about the matter.</p>`).join('');
const URL = 'https://news.example.com/2017/12/05/story';

describe('findMainRoot', () => {
  it('picks the <article> over nav, aside, footer and comment articles', () => {
    const doc = parse(`<body>
      <nav>${para('Menu link text that is long enough to count.', 8)}</nav>
      <aside><article>${para('Related teaser.', 1)}</article></aside>
      <article id="story">${para('The NCSC advised departments.')}</article>
      <section id="comments">
        <article class="comment">${para('A reader writes a long comment that goes on and on.', 10)}</article>
      </section>
      <footer>${para('Footer text.', 6)}</footer></body>`);
    expect(findMainRoot(doc)?.id).toBe('story');
  });

  it('prefers [itemprop=articleBody] inside the article', () => {
    const doc = parse(`<body><article><h1>Headline</h1><div class="byline">By a reporter</div>
      <div itemprop="articleBody" id="body">${para('Kaspersky denied the claims.')}</div></article></body>`);
    expect(findMainRoot(doc)?.id).toBe('body');
  });

  it('falls back to the densest paragraph block when there is no article or main', () => {
    const doc = parse(`<body>
      <div id="teasers"><p>Short teaser one.</p><p>Short teaser two.</p><p>Short teaser three.</p></div>
      <div id="content">${para('Barclays withdrew the software from its consumer website.', 5)}</div>
      <div id="promo"><p>Subscribe now for more.</p></div></body>`);
    expect(findMainRoot(doc)?.id).toBe('content');
  });

  it('skips an <article> with too little text and looks further', () => {
    const doc = parse(`<body><article id="tiny"><p>Short.</p></article>
      <main id="main">${para('The agency discussed a framework for checks.')}</main></body>`);
    expect(findMainRoot(doc)?.id).toBe('main');
  });

  it('returns the body of a page with no paragraphs', () => {
    const doc = parse('<body><div>Just some text</div></body>');
    expect(findMainRoot(doc)).toBe(doc.body);
  });
});

describe('scanLandmarks', () => {
  const links = (n: number): string => Array.from({ length: n }, (_, i) => `<a href="/${i}"><span>Link ${i}</span></a>`).join(' ');

  it('steps over menus and paragraphs, so an article after thousands of links is still found', () => {
    // 2,000 menu links and 700 teaser paragraphs of 4 links each: over 7,000 elements before the article.
    const teasers = Array.from({ length: 700 }, () => `<p>${links(4)}</p>`).join('');
    const doc =
      parse(`<body><header><nav><ul>${Array.from({ length: 2_000 }, (_, i) => `<li>${links(1).replace('/0', `/m${i}`)}</li>`).join('')}</ul></nav></header>
      <div class="teasers">${teasers}</div><main><article id="story"><h1>Headline</h1>${para('The NCSC advised departments.')}</article></main></body>`);
    expect(doc.body.getElementsByTagName('*').length).toBeGreaterThan(7_000);
    const { main, h1s } = scanLandmarks(doc);
    expect(main.article.map((el) => el.id)).toEqual(['story']);
    expect(main.main).toHaveLength(1);
    expect(h1s.map((el) => el.textContent)).toEqual(['Headline']);
  });

  it('looks at no more than 1,000 elements, so the cost of a huge page stays flat', () => {
    const blocks = (n: number): string => Array.from({ length: n }, () => '<div>Block</div>').join('');
    const near = parse(`<body>${blocks(900)}<article id="near">${para('Text.')}</article></body>`);
    expect(scanLandmarks(near).main.article).toHaveLength(1);
    const far = parse(`<body>${blocks(1_100)}<article id="far">${para('Text.')}</article></body>`);
    expect(scanLandmarks(far).main.article).toHaveLength(0);
  });
});

describe('readPage', () => {
  const html = `<html><head>
    <title>UK agency warns off Russian antivirus | News</title>
    <meta name="description" content="The NCSC has written to departments.">
    <meta property="og:title" content="OG: UK agency warns off Russian antivirus">
    <meta property="og:description" content="OG description text">
    <meta name="twitter:title" content="Twitter title text">
    <meta name="author" content="Not read">
    </head><body>
    <header><h2 id="site">Site name</h2></header>
    <article>
      <h1>UK agency warns off Russian antivirus</h1>
      <p>The National Cyber Security Centre wrote to government departments on Friday.</p>
      <script>var tracking = "SCRIPT TEXT";</script>
      <style>.x { content: "STYLE TEXT"; }</style>
      <nav>NAV TEXT</nav>
      <aside>ASIDE TEXT</aside>
      <h2>What the letter said</h2>
      <p>Ciaran Martin said the software could be a danger.</p>
      <div class="related-stories"><p>RELATED TEXT</p></div>
      <div id="comments"><p>COMMENT TEXT</p></div>
      <p hidden>HIDDEN TEXT</p>
      <div aria-hidden="true">ARIA HIDDEN TEXT</div>
      <div role="complementary">COMPLEMENTARY TEXT</div>
      <backstory-panel>PANEL TEXT</backstory-panel>
      <p>Barclays withdrew the software from its consumer website, the bank said.</p>
      <footer>FOOTER TEXT</footer>
    </article></body></html>`;
  const sample = readPage(parse(html), URL);

  it('keeps the article text', () => {
    expect(sample.url).toBe(URL);
    expect(sample.title).toBe('UK agency warns off Russian antivirus | News');
    expect(sample.text).toContain('The National Cyber Security Centre wrote to government departments on Friday.');
    expect(sample.text).toContain('Ciaran Martin said the software could be a danger.');
    expect(sample.text).toContain('Barclays withdrew the software');
  });

  it.each(['SCRIPT', 'STYLE', 'NAV', 'ASIDE', 'RELATED', 'COMMENT', 'HIDDEN', 'ARIA HIDDEN', 'COMPLEMENTARY', 'PANEL', 'FOOTER'])(
    'leaves out %s text',
    (word) => {
      expect(sample.text).not.toContain(`${word} TEXT`);
    },
  );

  it('collects the h1 and h2 of the main text, not the site header', () => {
    expect(sample.headings).toEqual(['UK agency warns off Russian antivirus', 'What the letter said']);
  });

  it('adds the page’s h1 when it lies outside the main text', () => {
    const doc = parse(`<body><h1>Kaspersky banned</h1><article>${para('The ban covers government systems.')}</article></body>`);
    expect(readPage(doc, URL).headings[0]).toBe('Kaspersky banned');
  });

  it('reads the meta description and Open Graph / Twitter tags only', () => {
    expect(sample.meta).toEqual([
      'The NCSC has written to departments.',
      'OG: UK agency warns off Russian antivirus',
      'OG description text',
      'Twitter title text',
    ]);
  });

  it('caps the text at LIMITS.text characters', () => {
    const long = `<p>${'Kaspersky said it would cooperate with the review. '.repeat(2_000)}</p>`;
    const doc = parse(`<body><article>${long}${long}</article></body>`);
    const text = readPage(doc, URL).text;
    expect(text.length).toBeLessThanOrEqual(LIMITS.text);
    expect(text.length).toBeGreaterThan(LIMITS.text - 100);
  });

  it('caps the title', () => {
    const doc = parse(`<head><title>${'K'.repeat(2_000)}</title></head><body></body>`);
    expect(readPage(doc, URL).title).toHaveLength(LIMITS.title);
  });

  it.each([
    ['<html lang="nl-NL">', 'nl-NL'],
    ['<html lang="">', ''],
    ['<html>', ''],
  ])('reads the declared language of %s', (open, lang) => {
    expect(readPage(parse(`${open}<head><title>T</title></head><body>${para('Het NCSC.')}</body></html>`), URL).lang).toBe(lang);
  });
});

describe('boilerplate detection by class and id', () => {
  it('keeps an article wrapper whose class only says it has share buttons or a sidebar', () => {
    const doc = parse(`<body><article><h2>Tech</h2>
      <div class="entry-content has-share-buttons with-sidebar">${para('Kaspersky said its software was safe.', 3)}</div>
      <div class="social-share">Share this on Kaspersky social</div>
      <div class="related-stories">${para('Kaspersky related teaser.', 1)}</div></article></body>`);
    const { text } = readPage(doc, URL);
    expect(text.match(/Kaspersky said its software was safe/g)).toHaveLength(3);
    expect(text).not.toContain('Share this');
    expect(text).not.toContain('related teaser');
  });

  it('reads the headline in an article <header> but not the masthead logo h1', () => {
    const doc = parse(`<body><header><h1>Daily Ledger</h1></header>
      <article><header><h2>Kaspersky moves data to Switzerland</h2></header>${para('The company said.')}</article></body>`);
    const sample = readPage(doc, URL);
    expect(sample.headings).toEqual(['Kaspersky moves data to Switzerland']);
    expect(sample.text).not.toContain('Daily Ledger');
  });
});

describe('densest block without paragraphs', () => {
  it('finds bare text broken by <br> rather than a cookie bar that has a <p>', () => {
    const line = 'Kaspersky said phishing attempts on small businesses rose sharply last year.';
    const doc = parse(`<body><div class="consent-bar"><p>We use cookies to personalise the stories you see here.</p></div>
      <div id="story">${Array.from({ length: 6 }, () => `${line}<br><br>`).join('')}</div></body>`);
    expect(findMainRoot(doc)?.id).toBe('story');
    expect(readPage(doc, URL).text.match(/Kaspersky said/g)).toHaveLength(6);
  });
});

describe('a long text node', () => {
  const headline = 'Headline '.repeat(5_000);
  const long = 'Kaspersky said the agency was wrong. '.repeat(3_000);

  it('is read only as far as the limit, never whole, and a resumed read goes on where it stopped', () => {
    const doc = parse(`<body><article><h1>${headline}</h1><p>${long}</p></article></body>`);
    const data = vi.spyOn(CharacterData.prototype, 'data', 'get');
    const textContent = vi.spyOn(Node.prototype, 'textContent', 'get');
    try {
      const reader = textReader(doc.querySelector('article')!);
      const whole = `\n${headline}\n${long}`;
      expect(reader.read(5_000)).toEqual({ text: whole.slice(0, 5_000), headings: [headline.trim().slice(0, LIMITS.heading)] });
      expect(reader.read(60_000).text).toBe(whole.slice(0, 60_000));
      for (const el of [doc.querySelector('h1')!, doc.querySelector('p')!]) {
        expect(data.mock.contexts).not.toContain(el.firstChild);
        expect(textContent.mock.contexts).not.toContain(el);
      }
    } finally {
      data.mockRestore();
      textContent.mockRestore();
    }
  });
});
