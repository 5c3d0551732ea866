// Pages that fight back, in real Chromium and Firefox with the built dist/ loaded. On each: no
// uncaught error or console error, the page's own text unchanged, and the panel either intact and
// readable or cleanly absent.
import type { Page } from 'puppeteer-core';
import { beforeAll, expect, it } from 'vitest';
import { story } from '../../src/shared/story';
import { describeEachBrowser, openPanel, badgeOf, openAndClassify, waitFor } from './harness';

/** The page's text without the extension's own elements, and whether it still equals the text it had when the page's own scripts were done. */
function recordTextAtReady(page: Page): void {
  void page.evaluateOnNewDocument(() => {
    const ours = (el: Element) => el.localName.startsWith('backstory-');
    const text = (): string => {
      const root = document.body;
      if (!root) return '';
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      let out = '';
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        let inside = false;
        for (let p = n.parentElement; p; p = p.parentElement) if (ours(p)) inside = true;
        if (!inside) out += n.nodeValue;
      }
      return out;
    };
    (globalThis as Record<string, unknown>).__pageText = text;
    // Inline scripts have run by DOMContentLoaded; the content script runs after it (document_idle).
    document.addEventListener('DOMContentLoaded', () => ((globalThis as Record<string, unknown>).__textAtReady = text()));
  });
}

/** What a reader can see of the panel: whether it is displayed, on top, readable and styled as ours. */
async function panelLooks(page: Page) {
  return page.evaluate(() => {
    const hosts = document.querySelectorAll('backstory-panel');
    const host = hosts[0] as HTMLElement | undefined;
    if (!host) return { count: 0 };
    const box = host.getBoundingClientRect();
    const style = getComputedStyle(host);
    const title = host.shadowRoot?.querySelector('#title');
    const titleStyle = title ? getComputedStyle(title) : null;
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + Math.min(40, box.height / 2));
    return {
      count: hosts.length,
      display: style.display,
      position: style.position,
      visibility: style.visibility,
      opacity: style.opacity,
      width: Math.round(box.width),
      height: Math.round(box.height),
      inView: box.top >= 0 && box.left >= 0 && box.bottom <= innerHeight && box.right <= innerWidth,
      onTop: hit === host,
      title: title?.textContent ?? null,
      titleFont: titleStyle ? `${titleStyle.fontWeight} ${titleStyle.fontSize}` : null,
      comicSans: titleStyle?.fontFamily.includes('Comic') ?? null,
    };
  });
}

const READABLE = {
  count: 1,
  display: 'block',
  position: 'fixed',
  visibility: 'visible',
  opacity: '1',
  inView: true,
  onTop: true,
  title: story.headline.text,
  comicSans: false,
};

describeEachBrowser('%s: hostile pages', (_name, session) => {
  /** The panel's title font on an ordinary page, to compare hostile pages with. */
  let normalTitleFont: string | null = null;
  beforeAll(async () => {
    const { page, popup } = await openAndClassify(session, 'kaspersky-article.html');
    await page.waitForSelector('backstory-panel');
    normalTitleFont = (await panelLooks(page)).titleFont ?? null;
    await Promise.all([page.close(), popup.close()]);
  });

  /** Opens a hostile fixture, waits for the verdict and `settleMs` more, and returns what matters. */
  async function openHostile(file: string, settleMs = 500) {
    const errorsBefore = session.pageErrors.length;
    const opened = await openAndClassify(session, `hostile/${file}`, recordTextAtReady);
    await new Promise((resolve) => setTimeout(resolve, settleMs));
    const text = await opened.page.evaluate(() => {
      const g = globalThis as Record<string, unknown>;
      return { now: (g.__pageText as (() => string) | undefined)?.() ?? null, atReady: (g.__textAtReady as string | undefined) ?? null };
    });
    return { ...opened, text, errors: () => session.pageErrors.slice(errorsBefore) };
  }

  it.each([
    ['css-reset.html', '* { all: unset !important }, !important fonts, display: none on custom elements, top z-index overlay'],
    ['csp.html', "Content-Security-Policy: default-src 'none'"],
    ['markup-text.html', 'text that looks like markup and script'],
    ['huge-dom.html', '100,000 elements'],
    ['deep-nesting.html', 'nesting 5,000 deep'],
    ['huge-text-node.html', 'a 10 MB text node'],
  ])('%s (%s): panel intact and readable, page text unchanged, no errors', async (file) => {
    const { page, popup, status, text, errors } = await openHostile(file);
    expect(status).toMatch(/mentions Kaspersky/);
    // Text across the window leaves no room beside it: the panel starts as the tab, and opens at a keypress.
    await openPanel(page);
    expect(await panelLooks(page)).toMatchObject({ ...READABLE, titleFont: normalTitleFont });
    const looks = await panelLooks(page);
    expect(looks.width).toBeGreaterThan(280);
    expect(looks.height).toBeGreaterThan(150);
    expect(text.atReady).not.toBeNull();
    expect(text.now).toBe(text.atReady);
    expect(errors()).toEqual([]);
    await Promise.all([page.close(), popup.close()]);
  });

  it('markup-text.html: markup and script in the page text stay text and never run', async () => {
    const { page, popup } = await openHostile('markup-text.html');
    await page.waitForSelector('backstory-panel');
    const seen = await page.evaluate(() => ({
      pwned: (globalThis as Record<string, unknown>).__pwned ?? null,
      images: document.images.length,
      scripts: document.scripts.length,
      text: document.querySelector('article')!.textContent,
    }));
    expect(seen.pwned).toBeNull();
    expect(seen.images).toBe(0);
    expect(seen.scripts).toBe(0);
    expect(seen.text).toContain('<img src=x onerror="window.__pwned=\'img\'">');
    expect(seen.text).toContain('{{constructor.constructor(\'window.__pwned = "template"\')()}}');
    await Promise.all([page.close(), popup.close()]);
  });

  it('ticker.html: a page changing every 16 ms keeps working, and the new text is marked', async () => {
    const { page, popup, errors } = await openHostile('ticker.html', 2_500);
    await page.waitForSelector('backstory-panel');
    expect(await panelLooks(page)).toMatchObject(READABLE);
    const ticks = await page.evaluate(() => (globalThis as unknown as { __ticks(): number }).__ticks());
    // 2.5 s at one change per 16 ms: the page's own timer kept running (allowing for a slow machine).
    expect(ticks).toBeGreaterThan(40);
    // Feed items are added all the time; marks must reach some of them despite the constant changes.
    const marked = await waitFor(
      () =>
        page.evaluate(() => {
          const ranges = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights.get('backstory-mention');
          return [...(ranges ?? [])].filter((r) => r.startContainer.parentElement?.localName === 'li').length;
        }),
      'a feed item to be marked',
    );
    expect(marked).toBeGreaterThan(0);
    expect(errors()).toEqual([]);
    await Promise.all([page.close(), popup.close()]);
  });

  it('remove-panel.html: a page that removes the panel gets no panel back and no errors', async () => {
    const { page, popup, tabId, errors } = await openHostile('remove-panel.html', 1_000);
    expect(await page.evaluate(() => (globalThis as Record<string, unknown>).__removed)).toBeGreaterThan(0);
    expect(await page.$('backstory-panel')).toBeNull();
    // The content script is still alive and still answers.
    expect(await badgeOf(session, tabId)).toBe('K+N');
    expect(errors()).toEqual([]);
    await Promise.all([page.close(), popup.close()]);
  });

  it('replace-body.html: a page that swaps its whole body gets one panel for the new article', async () => {
    const { page, popup, errors } = await openHostile('replace-body.html');
    await waitFor(() => page.evaluate(() => (globalThis as Record<string, unknown>).__swaps === 2), 'both body swaps');
    await waitFor(async () => (await panelLooks(page)).count === 1, 'the panel on the new body', 10_000);
    expect(await panelLooks(page)).toMatchObject(READABLE);
    expect(await page.evaluate(() => document.body.textContent)).toContain('Version 2:');
    expect(errors()).toEqual([]);
    await Promise.all([page.close(), popup.close()]);
  });

  it('frames.html: one panel in the top page, none inside same-origin, cross-origin, about:blank or srcdoc frames', async () => {
    const { page, popup, errors } = await openHostile('frames.html', 1_500);
    await page.waitForSelector('backstory-panel');
    expect(await panelLooks(page)).toMatchObject(READABLE);
    const frames = page.frames().filter((f) => f !== page.mainFrame());
    expect(frames.length).toBeGreaterThanOrEqual(3);
    for (const frame of frames) {
      expect(await frame.evaluate(() => document.querySelectorAll('backstory-panel, backstory-card').length), frame.url()).toBe(0);
    }
    expect(errors()).toEqual([]);
    await Promise.all([page.close(), popup.close()]);
  });

  it.each(['drawing.svg', 'feed.xml', 'notes.txt', 'no-body.html'])('%s: a document that is not an HTML page is left alone', async (file) => {
    const { page, popup, tabId, status, errors } = await openHostile(file);
    expect(status).toBe('This page is not about this story.');
    expect(await page.evaluate(() => document.getElementsByTagName('backstory-panel').length)).toBe(0);
    expect(await badgeOf(session, tabId)).toBe('');
    expect(errors()).toEqual([]);
    await Promise.all([page.close(), popup.close()]);
  });
});
