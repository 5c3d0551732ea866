// @vitest-environment node
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { BUSY_DURATION_MS, BUSY_RATE_HZ, generateBusyPage, generatePage, withPanelObserver, withStartMark } from '../../../scripts/bench/generate-page';
import { classifyHtml } from '../../../scripts/lib/classify-html';

const URL = 'http://127.0.0.1:8000/page.html';

describe('bench pages', () => {
  it('the relevant page is relevant; the irrelevant and busy pages are not', () => {
    expect(classifyHtml(generatePage(20_000, 1).html, URL).relevant).toBe(true);
    expect(classifyHtml(generatePage(200_000, 2, false).html, URL).relevant).toBe(false);
    expect(classifyHtml(generateBusyPage(3).html, URL).relevant).toBe(false);
    // Three jsdom documents, one of 200 KB: 7 s when the machine's two cores are shared.
  }, 30_000);

  it('the busy page changes its DOM BUSY_RATE_HZ times a second for BUSY_DURATION_MS after load', () => {
    // The page's own clock and timers, driven by hand.
    let now = 0;
    const timers: { at: number; run: () => void }[] = [];
    const dom = new JSDOM(generateBusyPage(3).html, {
      url: URL,
      runScripts: 'dangerously',
      beforeParse(window) {
        Object.defineProperty(window.performance, 'now', { value: () => now });
        (window as unknown as { setTimeout: unknown }).setTimeout = (run: () => void, ms = 0) => timers.push({ at: now + ms, run });
      },
    });
    const win = dom.window as unknown as Window & { __busyChanges: number; __busyDone?: boolean };
    let changes = 0;
    win.dispatchEvent(new dom.window.Event('load'));
    const seen: number[] = [];
    while (timers.length) {
      timers.sort((a, b) => a.at - b.at);
      const timer = timers.shift()!;
      now = Math.max(now, timer.at) + 2; // each timer fires 2 ms late
      timer.run();
      changes += 1;
      seen.push(now);
    }
    const expected = (BUSY_RATE_HZ * BUSY_DURATION_MS) / 1000;
    expect(changes).toBe(expected);
    expect(win.__busyChanges).toBe(expected);
    expect(win.__busyDone).toBe(true);
    // Late timers do not stretch the run: the last change comes about BUSY_DURATION_MS after load.
    expect(seen.at(-1)!).toBeLessThan(BUSY_DURATION_MS + 5);
    expect(win.document.querySelectorAll('#live-feed li')).toHaveLength(20);
    expect(win.document.getElementById('live-status')!.textContent).toBe(`Update ${expected} of ${expected}`);
    dom.window.close();
  });

  it("the panel observer stamps the panel's arrival on the page's clock, and nothing else", async () => {
    let now = 0;
    const dom = new JSDOM(withPanelObserver(generatePage(20_000, 1).html), {
      url: URL,
      runScripts: 'dangerously',
      beforeParse(window) {
        Object.defineProperty(window.performance, 'now', { value: () => now });
      },
    });
    const win = dom.window as unknown as Window & { __backstoryPanelAt?: number };
    const doc = win.document;
    const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
    now = 40;
    doc.body.append(doc.createElement('div'));
    doc.querySelector('article')!.append(doc.createElement('backstory-panel'));
    await settle();
    // Not a panel, and not a child of the body or the root: nothing yet.
    expect(win.__backstoryPanelAt).toBeUndefined();
    now = 75;
    doc.body.append(doc.createElement('backstory-panel'));
    await settle();
    expect(win.__backstoryPanelAt).toBe(75);
    now = 90;
    doc.documentElement.append(doc.createElement('backstory-panel'));
    await settle();
    // The first arrival only.
    expect(win.__backstoryPanelAt).toBe(75);
    dom.window.close();
  });

  it('withStartMark puts the mark first in the head, else the body, else at the start, and leaves the doctype first', () => {
    const mark = '<script>performance.mark("m")</script>';
    expect(withStartMark('<!DOCTYPE html><html><HEAD lang="en"><title>t</title></head><body><script>x()</script></body></html>', 'm')).toBe(
      `<!DOCTYPE html><html><HEAD lang="en">${mark}<title>t</title></head><body><script>x()</script></body></html>`,
    );
    expect(withStartMark('<html><body class="a"><p>x</p></body></html>', 'm')).toBe(`<html><body class="a">${mark}<p>x</p></body></html>`);
    expect(withStartMark('<p>x</p>', 'm')).toBe(`${mark}<p>x</p>`);
    // <header> is not the head.
    expect(withStartMark('<body><header>h</header></body>', 'm')).toBe(`<body>${mark}<header>h</header></body>`);
  });
});
