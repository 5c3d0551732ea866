/**
 * Pages too big to commit, generated at test time: one whose article is a single 10 MB text node,
 * and one with 100,000 mentions. Each ends with a probe that records how long the page went
 * without a frame and marks when the panel arrived (see RAF_PROBE), and says how many mentions its
 * article holds.
 */
import { PREFIX } from '../../src/content/ui-prefix';

/** A generated page and the number of mentions in its article, counted as they were written. */
export interface HugePage {
  html: string;
  mentions: number;
}

/** The name of the performance mark the probe makes when the panel arrives. */
export const PANEL_MARK = `${PREFIX}panel-arrived`;

/**
 * An inline script, last in the page, so it runs once the 10 MB of text is parsed and before any
 * content script (document_idle comes after DOMContentLoaded). It lays the page out, then runs a
 * requestAnimationFrame loop that records how long the page went without a frame, and when the
 * extension's panel arrived (a MutationObserver callback, at the end of the task that mounted it),
 * also as the performance mark PANEL_MARK, which a profile of the page records.
 * On <html> (a data attribute reads the same from the page, the test and both browsers; each is
 * written only when it changes, so the probe does not make the page change every frame):
 * - data-panel-at: when the panel arrived (ms since the page's start);
 * - data-max-gap: the largest gap between two frames, counting only gaps that end after the panel
 *   arrived: the one that holds the task which mounted the panel, and every one after it. Before
 *   it the browser itself takes up to 130 ms a frame laying out and first painting a 10 MB page.
 * - data-long-gaps: every gap over 50 ms, as [end, length], from the start.
 */
const RAF_PROBE = `<script>(() => {
  const root = document.documentElement;
  document.body.getBoundingClientRect();
  let last = performance.now(), panelAt = Infinity, max = 0;
  const long = [];
  new MutationObserver(() => {
    if (panelAt === Infinity && document.querySelector('${PREFIX}panel')) {
      root.dataset.panelAt = String(Math.round(panelAt = performance.now()));
      performance.mark('${PANEL_MARK}');
    }
  }).observe(document.body, { childList: true });
  const tick = (now) => {
    const gap = now - last;
    if (now >= panelAt && gap > max) root.dataset.maxGap = String(Math.round(max = gap));
    if (gap > 50) long.push([Math.round(now), Math.round(gap)]), root.dataset.longGaps = JSON.stringify(long);
    last = now;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();</script>`;

/** Words that hold no alias of any marked entity (else the count the test expects would be wrong, and it would fail). */
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
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>
<body><header><p>Long Tasks News</p></header><main><article>${article}</article></main>
<footer><p>A generated page for the long-task tests.</p></footer>${RAF_PROBE}</body></html>`;
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
