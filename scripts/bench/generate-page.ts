/**
 * Generates seeded news-like pages for the bench: a site header and navigation, an article of
 * the requested amount of text with a story term about once per 2,000 characters, a related-stories
 * aside, a JSON-LD script, a style block and a footer. Same seed, same page.
 */

const WORDS = (
  'the government said on monday that new rules would apply to suppliers of security software across public ' +
  'services while officials in london and elsewhere reviewed contracts with firms whose products run on sensitive ' +
  'networks critics argued the move came late and ministers denied that any breach had taken place analysts ' +
  'expect further guidance this year as departments audit their systems and banks review the tools they offer'
).split(' ');
const TERMS = ['Kaspersky', 'National Cyber Security Centre', 'NCSC', 'Barclays', 'Ciaran Martin', 'Reuters', 'Kaspersky Lab', 'UK government'];

/** A small, fast seeded PRNG (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GeneratedPage {
  html: string;
  textBytes: number;
  terms: number;
}

/** A page with about `textBytes` characters of article text; `withTerms` false gives an irrelevant page. */
export function generatePage(textBytes: number, seed: number, withTerms = true): GeneratedPage {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const paragraphs: string[] = [];
  let length = 0;
  let sinceTerm = 0;
  let terms = 0;
  while (length < textBytes) {
    const words: string[] = [];
    const target = 300 + Math.floor(next() * 500);
    let size = 0;
    while (size < target) {
      let word = pick(WORDS);
      if (withTerms && sinceTerm >= 2_000) {
        word = pick(TERMS);
        sinceTerm = 0;
        terms += 1;
      }
      words.push(word);
      size += word.length + 1;
      sinceTerm += word.length + 1;
    }
    const text = words.join(' ');
    length += text.length + 1;
    // Inline markup as news sites write it: links, emphasis and spans every few words.
    const marked = words.map((word, i) => {
      if (i % 9 === 4) return `<a href="/topic/${i}">${word}</a>`;
      if (i % 13 === 7) return `<em>${word}</em>`;
      if (i % 17 === 11) return `<span class="hl">${word}</span>`;
      return word;
    });
    const html = marked.join(' ');
    paragraphs.push(next() < 0.1 ? `<blockquote><p>${html}.</p></blockquote>` : `<p>${html.charAt(0).toUpperCase()}${html.slice(1)}.</p>`);
  }
  const nav = Array.from({ length: 60 }, (_, i) => `<li><a href="/section/${i}">Section ${i}</a></li>`).join('');
  const related = Array.from({ length: 8 }, (_, i) => `<li><a href="/story/${i}">Related story number ${i} about other news</a></li>`).join('');
  const title = withTerms ? 'Kaspersky software removed from government systems' : 'Council approves new budget for road repairs';
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} | Bench News</title>
<meta name="description" content="${title}.">
<style>body{font:16px/1.5 Georgia,serif;margin:0}header,footer{background:#eee;padding:8px}article{max-width:700px;margin:auto}</style>
<script type="application/ld+json">{"@type":"NewsArticle","headline":"${title}"}</script></head>
<body><header><strong>Bench News</strong><nav><ul>${nav}</ul></nav></header>
<main><article><h1>${title}</h1><p class="byline">By the bench desk</p>${paragraphs.join('\n')}</article>
<aside class="related"><h2>Related</h2><ul>${related}</ul></aside></main>
<footer><p>Bench News, a generated page for benchmarking.</p></footer></body></html>`;
  return { html, textBytes: length, terms };
}

/** The busy page changes its DOM this many times a second … */
export const BUSY_RATE_HZ = 60;
/** … for this long after its load event. */
export const BUSY_DURATION_MS = 10_000;

const LIVE_LINES = [
  'Traffic is moving again on the ring road after the morning closure',
  'The council will publish the final repair schedule on friday',
  'Rain is expected across the region later this evening',
  'The library reopens next week with longer hours',
  'Bus services return to the usual timetable from monday',
  'Residents are asked to report potholes through the usual form',
];

/**
 * An irrelevant page (no topic words) that changes its DOM BUSY_RATE_HZ times a second for
 * BUSY_DURATION_MS after load, like a live blog or a ticker: each change rewrites a status line,
 * adds an item to a live feed (dropping the oldest past 20) and flips an attribute on the body.
 * It counts its changes in `window.__busyChanges` and sets `window.__busyDone` at the end. The
 * changes are timed against the clock, so a late timer does not stretch the run.
 */
export function generateBusyPage(seed: number): GeneratedPage {
  const page = generatePage(20_000, seed, false);
  const total = Math.round((BUSY_RATE_HZ * BUSY_DURATION_MS) / 1000);
  const live = `<section class="live"><h2>Live updates</h2><p id="live-status">Waiting for updates</p><ul id="live-feed"></ul></section>`;
  const script = `<script>(function () {
  var lines = ${JSON.stringify(LIVE_LINES)}, total = ${total}, step = 1000 / ${BUSY_RATE_HZ}, n = 0, start = 0;
  var status = document.getElementById('live-status'), feed = document.getElementById('live-feed');
  function change() {
    n += 1;
    status.textContent = 'Update ' + n + ' of ' + total;
    var item = document.createElement('li');
    item.textContent = lines[n % lines.length] + ' (' + n + ')';
    feed.insertBefore(item, feed.firstChild);
    if (feed.children.length > 20) feed.removeChild(feed.lastChild);
    document.body.setAttribute('data-tick', n % 2 ? 'odd' : 'even');
    window.__busyChanges = n;
    if (n < total) setTimeout(change, Math.max(0, start + (n + 1) * step - performance.now()));
    else window.__busyDone = true;
  }
  window.__busyChanges = 0;
  addEventListener('load', function () { start = performance.now(); setTimeout(change, step); });
})();</script>`;
  const html = page.html.replace('<footer>', `${live}<footer>`).replace('</body>', `${script}</body>`);
  return { ...page, html };
}

/** The element the extension's panel lives in (its shadow host, appended to the body). */
const PANEL_TAG = 'backstory-panel';

/**
 * Adds to a page the bench's own observer of the extension, a script at the end of the body: when
 * the panel's host element arrives it sets `window.__backstoryPanelAt` to the time, in ms from the
 * navigation's start (`performance.now()`), as the page's own scripts would see it. It watches
 * only the body's and the root's children, from after the parser has read the article, so the
 * page pays nothing while it is parsed.
 */
export function withPanelObserver(html: string): string {
  const script = `<script>(function () {
  var observer = new MutationObserver(function (records) {
    for (var i = 0; i < records.length; i += 1) {
      for (var j = 0; j < records[i].addedNodes.length; j += 1) {
        if (records[i].addedNodes[j].localName === '${PANEL_TAG}') {
          window.__backstoryPanelAt = performance.now();
          observer.disconnect();
          return;
        }
      }
    }
  });
  observer.observe(document.body, { childList: true });
  observer.observe(document.documentElement, { childList: true });
})();</script>`;
  return html.replace('</body>', `${script}</body>`);
}

/**
 * Adds `performance.mark(mark)` as the page's first script: in its head when it has one (after the
 * head's start tag, so a doctype stays first and the page keeps its mode), else in its body or at
 * its start. The task recorder times the page's tasks from that mark and finds its renderer by it.
 */
export function withStartMark(html: string, mark: string): string {
  const script = `<script>performance.mark(${JSON.stringify(mark)})</script>`;
  for (const tag of [/<head\b[^>]*>/i, /<body\b[^>]*>/i]) {
    const found = tag.exec(html);
    if (found) return html.slice(0, found.index + found[0].length) + script + html.slice(found.index + found[0].length);
  }
  return script + html;
}
