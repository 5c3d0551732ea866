// Nothing a page can send changes what the extension does, and malformed or foreign runtime
// messages are ignored with a warning, never a throw. Real Chromium and Firefox, built dist/ loaded.
import type { ConsoleMessage } from 'puppeteer-core';
import { expect, it } from 'vitest';
import { describeEachBrowser, badgeOf, inExtension, openAndClassify, waitFor } from './harness';

type Api = {
  runtime: { sendMessage(m: unknown): Promise<unknown> };
  tabs: { sendMessage(id: number, m: unknown, o?: object): Promise<unknown> };
};

const MALFORMED: unknown[] = [
  null,
  42,
  'getPageStatus',
  [],
  {},
  { type: 'evil' },
  { type: 'pageClassified' },
  { type: 'pageClassified', verdict: { topics: ['kaspersky'], mentions: { kaspersky: -1, ncsc: 0 }, confidence: 1 } },
  { type: 'pageClassified', verdict: { topics: ['kaspersky', 'kaspersky'], mentions: { kaspersky: 1, ncsc: 0 }, confidence: 2 } },
  { type: 'openPopup', section: '<img src=x onerror=alert(1)>' },
  { type: 'openPopup' },
  { type: '__proto__' },
  { type: 'constructor' },
];

describeEachBrowser('%s: messages and page events', (_name, session) => {
  it('postMessage, synthetic clicks and pointer events, and attributes set by the page change nothing', async () => {
    const { page, tabId, popup } = await openAndClassify(session, 'kaspersky-article.html');
    await page.waitForSelector('backstory-panel');
    await waitFor(async () => (await badgeOf(session, tabId)) === 'K', 'the badge');
    const pagesBefore = (await session.ext.browser.pages()).length;
    await page.evaluate(() => {
      const host = document.querySelector('backstory-panel')!;
      const shadow = host.shadowRoot!;
      window.postMessage({ type: 'openPopup', section: 'quotes' }, '*');
      window.postMessage({ type: 'pageClassified', verdict: { topics: [], mentions: { kaspersky: 0, ncsc: 0 }, confidence: 1 } }, '*');
      for (const selector of ['.quotes-button', '.collapse', '.dismiss', '.next']) {
        const button = shadow.querySelector<HTMLElement>(selector)!;
        button.click();
        button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      }
      shadow.querySelector('.panel')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
      // A pointer "over" the first mention: the card must not follow scripted events.
      const p = document.querySelector('article p')!;
      const r = p.getBoundingClientRect();
      document.dispatchEvent(new PointerEvent('pointermove', { clientX: r.left + 5, clientY: r.top + 5, bubbles: true }));
      host.setAttribute('hidden', '');
      host.setAttribute('style', 'display: none !important; opacity: 0 !important');
      host.setAttribute('data-backstory', 'dismissed');
    });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const state = await page.evaluate(() => {
      const host = document.querySelector('backstory-panel') as HTMLElement | null;
      const shadow = host?.shadowRoot;
      const card = document.querySelector('backstory-card') as HTMLElement | null;
      return {
        panels: document.querySelectorAll('backstory-panel').length,
        display: host ? getComputedStyle(host).display : null,
        opacity: host ? getComputedStyle(host).opacity : null,
        expanded: shadow?.querySelector('.collapse')?.getAttribute('aria-expanded') ?? null,
        announced: shadow?.querySelector('.said')?.textContent ?? null,
        cardShown: card !== null && !card.hidden,
      };
    });
    expect(state).toEqual({ panels: 1, display: 'block', opacity: '1', expanded: 'true', announced: '', cardShown: false });
    expect((await session.ext.browser.pages()).length).toBe(pagesBefore);
    expect(await badgeOf(session, tabId)).toBe('K');
    expect(session.pageErrors.splice(0)).toEqual([]);
    await Promise.all([page.close(), popup.close()]);
  });

  it('malformed messages to the background and the content script are ignored, warned about once, and never throw', async () => {
    const { page, tabId, popup } = await openAndClassify(session, 'kaspersky-article.html');
    await waitFor(async () => (await badgeOf(session, tabId)) === 'K', 'the badge');
    const warnings: string[] = [];
    page.on('console', (m: ConsoleMessage) => {
      if (m.type() === 'warn') warnings.push(m.text());
    });
    const results = await inExtension(
      session,
      async ({ id, messages }: { id: number; messages: unknown[] }) => {
        const g = globalThis as unknown as { browser?: Api; chrome?: Api };
        const api = (g.browser ?? g.chrome)!;
        const outcome = async (send: () => Promise<unknown>) => {
          try {
            const answer = await send();
            return answer === undefined ? 'no answer' : `answered ${JSON.stringify(answer)}`;
          } catch (error) {
            return `no receiver: ${String(error).slice(0, 80)}`;
          }
        };
        const out: string[] = [];
        for (const m of messages) {
          out.push(`bg ${await outcome(() => api.runtime.sendMessage(m))}`);
          out.push(`cs ${await outcome(() => api.tabs.sendMessage(id, m, { frameId: 0 }))}`);
        }
        // Still working afterwards: the content script answers a good request.
        out.push(`good ${await outcome(() => api.tabs.sendMessage(id, { type: 'getPageStatus' }, { frameId: 0 }))}`);
        return out;
      },
      { id: tabId, messages: MALFORMED },
    );
    // Nothing answered a malformed message; the good request still gets its status.
    expect(results.filter((r) => r.includes('answered'))).toEqual([expect.stringMatching(/^good answered \{"state":"classified"/)]);
    expect(await badgeOf(session, tabId)).toBe('K');
    expect(await page.$$eval('backstory-panel', (els) => els.length)).toBe(1);
    // Console messages from content scripts reach puppeteer in Chromium; where they do, there is one per reason.
    const ours = warnings.filter((w) => w.startsWith('Backstory (content)'));
    expect(new Set(ours).size).toBe(ours.length);
    expect(session.pageErrors).toEqual([]);
    await Promise.all([page.close(), popup.close()]);
  });
});
