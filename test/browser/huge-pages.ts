/**
 * Pages too big to commit, generated at test time: one whose article is a single 10 MB text node,
 * and one with 100,000 mentions. Each starts with a probe that records how long the page went
 * without a frame (see RAF_PROBE), and says how many mentions its article holds.
 */

/** A generated page and the number of mentions in its article, counted as they were written. */
export interface HugePage {
  html: string;
  mentions: number;
}

/**
 * An inline script, first in the page: a requestAnimationFrame loop that writes the largest gap
 * between two consecutive frames, in ms, into <html data-raf-max-gap>, and the gaps over 50 ms
 * with their end times into data-raf-long-gaps (a data attribute reads the same from the page,
 * the test and both browsers; written only when they change, so the probe itself does not make
 * the page change every frame).
 */
const RAF_PROBE = `<script>(() => {
  const root = document.documentElement;
  let last = 0, max = 0, long = [];
  const tick = (now) => {
    const gap = now - last;
    if (gap > max) root.dataset.rafMaxGap = String(Math.round(max = gap));
    if (gap > 50) root.dataset.rafLongGaps = JSON.stringify((long = [...long, [Math.round(now), Math.round(gap)]]));
    last = now;
    requestAnimationFrame(tick);
  };
  // Called at the end of the page; the record starts once the page's first frame is drawn.
  window.rafProbeStart = () => requestAnimationFrame(() => requestAnimationFrame((now) => {
    last = now; max = 0; long = [];
    root.dataset.rafMaxGap = '0';
    root.dataset.rafLongGaps = '[]';
    // Whether the extension had shown its panel before the record started (then it missed some of its work).
    root.dataset.rafPanelBeforeStart = String(document.querySelector('backstory-panel') !== null);
    requestAnimationFrame(tick);
  }));
  // Chromium only (Firefox has no such entries): every script over 50 ms that ran in a long
  // animation frame, from the page's start, with the URL it came from.
  if (PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')) {
    const scripts = [];
    new PerformanceObserver((list) => {
      for (const frame of list.getEntries()) {
        for (const s of frame.scripts) if (s.duration > 50) scripts.push([s.sourceURL, Math.round(s.duration), s.invoker]);
      }
      root.dataset.longScripts = JSON.stringify(scripts);
    }).observe({ type: 'long-animation-frame', buffered: true });
  }
})();</script>`;

/**
 * An inline script, last in the page: lays the page out and starts the probe, whose record begins
 * after the page's first frame. The browser's own layout and first paint of a 10 MB page take up
 * to a second and are not the extension's; they happen here, while the page is still parsing, so
 * before any content script runs (document_idle comes after DOMContentLoaded).
 */
const RAF_START = `<script>document.body.getBoundingClientRect(); addEventListener('load', () => setTimeout(window.rafProbeStart, Number(new URLSearchParams(location.search).get('delay') ?? 0)));</script>`;

/** Words that hold no alias of any marked entity (checked by the unit test of this generator). */
const FILLER = (
  'the agency said on monday that new rules would apply to suppliers of security software across public services ' +
  'while officials reviewed contracts with firms whose products run on sensitive networks and critics argued the move came late'
).split(' ');

/** `length` characters of filler words, the same for the same `seed`. */
function filler(length: number, seed: number): string {
  const out: string[] = [];
  let size = 0;
  for (let i = seed; size < length; i += 7) {
    const word = FILLER[i % FILLER.length]!;
    out.push(word);
    size += word.length + 1;
  }
  return out.join(' ').slice(0, length);
}

function page(title: string, article: string): string {
  return `<!doctype html><html lang="en"><head>${RAF_PROBE}<meta charset="utf-8"><title>${title}</title></head>
<body><header><p>Long Tasks News</p></header><main><article>${article}</article></main>
<footer><p>A generated page for the long-task tests.</p></footer>${RAF_START}</body></html>`;
}

/**
 * A page about Kaspersky whose article, under its headline, is one text node of `bytes`
 * characters with "Kaspersky" about every `every` characters.
 */
export function hugeTextNodePage(bytes = 10_000_000, every = 5_000): HugePage {
  const title = 'Kaspersky software removed from government systems';
  const chunk = filler(every - ' Kaspersky '.length, 3);
  const count = Math.floor(bytes / every);
  const body = Array.from({ length: count }, () => `${chunk} Kaspersky `).join('');
  // The headline names Kaspersky once: one more mention in the article.
  return { html: page(title, `<h1>${title}</h1><p>${body}</p>`), mentions: count + 1 };
}

/**
 * A page about Kaspersky and the UK's NCSC whose article holds `mentions` mentions, ten to a
 * paragraph, alternating between the two names.
 */
export function manyMentionsPage(mentions = 100_000): HugePage {
  const title = "Kaspersky and the UK's National Cyber Security Centre";
  const paragraphs: string[] = [];
  let written = 0;
  for (let p = 0; written < mentions; p += 1) {
    const parts: string[] = [];
    for (let i = 0; i < 10 && written < mentions; i += 1, written += 1) parts.push(`${filler(24, p + i)} ${i % 2 ? 'NCSC' : 'Kaspersky'}`);
    paragraphs.push(`<p>${parts.join(' ')}.</p>`);
  }
  // The headline names both: two more mentions in the article.
  return { html: page(title, `<h1>${title}</h1>${paragraphs.join('\n')}`), mentions: mentions + 2 };
}
