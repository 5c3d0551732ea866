import { expect, it } from 'vitest';
import type { StaticServer } from '../../scripts/lib/serve';
import { badgeOf, describeEachBrowser, inExtension, openFixture, waitFor, type Session } from './harness';

/** What the extension's isolated world of a tab's top frame holds: the first stage's state, and whether the full stage started. */
interface Stages {
  first: { candidate: boolean } | null;
  full: boolean;
}

type ScriptingApi = { scripting: { executeScript(i: object): Promise<{ result?: unknown }[]> } };

/** Reads the stages' marks in tab `tabId`, from an extension page, as the popup does. */
function stagesIn(session: Session, tabId: number): Promise<Stages> {
  return inExtension(
    session,
    async (id: number) => {
      const g = globalThis as unknown as { browser?: ScriptingApi; chrome?: ScriptingApi };
      const [answer] = await (g.browser ?? g.chrome)!.scripting.executeScript({
        target: { tabId: id, frameIds: [0] },
        func: () => {
          const scope = globalThis as unknown as Record<string, unknown>;
          return { first: scope.__backstoryFirstStage ?? null, full: scope.__backstoryFullStage === true };
        },
      });
      return answer!.result as Stages;
    },
    tabId,
  );
}

/** The popup's status line for tab `tabId` once it has settled (not "Checking…"). */
async function popupStatus(session: Session, tabId: number): Promise<{ text: string; reload: boolean; close(): Promise<void> }> {
  const popup = await session.ext.openExtensionPage(`popup/popup.html?tab=${tabId}`);
  const text = await waitFor(() => popup.$eval('#status', (el) => (el.textContent?.startsWith('Checking') ? '' : el.textContent)), 'the popup status', 20_000);
  const reload = await popup.$eval('#reload', (el) => !(el as HTMLElement).hidden && !(el.closest('#access') as HTMLElement).hidden);
  return { text: text ?? '', reload, close: () => popup.close() };
}

describeEachBrowser('%s: first stage and full stage', (name, session) => {
  it('runs no full-stage code on an unrelated page, and the full stage on a page about the story', async () => {
    const plain = await openFixture(session, 'plain-article.html');
    const dismissed = await waitFor(async () => (await stagesIn(session, plain.tabId)).first, 'the first stage’s state');
    expect(dismissed).toMatchObject({ candidate: false });
    // Long enough for a full stage to have come, had it been asked for.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await stagesIn(session, plain.tabId)).toMatchObject({ first: { candidate: false }, full: false });

    const story = await openFixture(session, 'kaspersky-article.html');
    await story.page.waitForSelector('backstory-panel', { timeout: 10_000 });
    expect(await stagesIn(session, story.tabId)).toMatchObject({ first: { candidate: true }, full: true });
    await Promise.all([plain.page.close(), story.page.close()]);
  });

  it('shows the panel on a page that names the NCSC only as "Britain\'s cyber watchdog" (a term the first stage once lacked)', async () => {
    const { page, tabId } = await openFixture(session, 'cyber-watchdog.html');
    await page.waitForSelector('backstory-panel', { timeout: 10_000 });
    expect(await stagesIn(session, tabId)).toMatchObject({ first: { candidate: true }, full: true });
    await page.close();
  });

  it('shows the panel on a Russian page that writes the name only in Cyrillic, in its case forms (not in its address)', async () => {
    const { page, tabId } = await openFixture(session, 'ru-antivirus-ban.html');
    await page.waitForSelector('backstory-panel', { timeout: 10_000 });
    expect(await stagesIn(session, tabId)).toMatchObject({ first: { candidate: true }, full: true });
    await page.close();
  });

  it('shows no panel on a Dutch page about the Dutch centre, which it calls the NCSC among Dutch words: the full stage runs and tells it from the UK centre', async () => {
    const { page, tabId } = await openFixture(session, 'dutch-ncsc.html');
    const popup = await popupStatus(session, tabId);
    expect(popup.text).toBe('This page is not about this story.');
    expect(await stagesIn(session, tabId)).toMatchObject({ first: { candidate: true }, full: true });
    expect(await page.$('backstory-panel')).toBeNull();
    expect(await badgeOf(session, tabId)).toBe('');
    await Promise.all([page.close(), popup.close()]);
  });

  it('popup: "not about this story" where the first stage dismissed the page, with the per-site switch', async () => {
    const { page, tabId } = await openFixture(session, 'plain-article.html');
    const popup = await popupStatus(session, tabId);
    expect(popup.text).toBe('This page is not about this story.');
    expect(popup.reload).toBe(false);
    await Promise.all([page.close(), popup.close()]);
  });

  it('popup: "can’t run" on a browser page, never "not about this story"', async () => {
    const page = await session.ext.browser.newPage();
    // Firefox's BiDi never reports an about: page as loaded: give it a moment instead.
    await page.goto(name === 'chromium' ? 'chrome://version/' : 'about:robots', { timeout: 3_000 }).catch(() => undefined);
    const tabId = await inExtension(
      session,
      async () => {
        const g = globalThis as unknown as Record<
          'browser' | 'chrome',
          { tabs: { query(q: object): Promise<{ id?: number; active?: boolean }[]> } } | undefined
        >;
        const tabs = await (g.browser ?? g.chrome)!.tabs.query({});
        // The browser page is the newest tab but one (the extension page asking is the newest).
        return tabs
          .map((t) => t.id ?? -1)
          .sort((a, b) => a - b)
          .at(-2)!;
      },
      null,
    );
    const popup = await popupStatus(session, tabId);
    expect(popup.text).toMatch(/^Backstory can’t run on this page\./);
    await Promise.all([page.close(), popup.close()]);
  });

  it('follows a single-page app from an unrelated article to one about the story, and back', async () => {
    const { page, tabId } = await openFixture(session, 'spa.html?article=allotments');
    await waitFor(async () => (await stagesIn(session, tabId)).first, 'the first stage’s state');
    expect(await stagesIn(session, tabId)).toMatchObject({ first: { candidate: false }, full: false });
    await page.click('#to-story');
    await page.waitForSelector('backstory-panel', { timeout: 10_000 });
    await page.click('#to-plain');
    await waitFor(async () => (await page.$('backstory-panel')) === null, 'the panel to go');
    const popup = await popupStatus(session, tabId);
    expect(popup.text).toBe('This page is not about this story.');
    await Promise.all([page.close(), popup.close()]);
  });
});

const openedBeforeInstall = { launch: (_: unknown, server: StaticServer) => ({ openBeforeInstall: server.url('plain-article.html?early') }) };
describeEachBrowser('%s: a tab opened before Backstory was installed', openedBeforeInstall, (name, session) => {
  // Chromium puts no content script into tabs that were open at install; Firefox does (so there the
  // first stage has looked, and the popup says what it found).
  it(
    name === 'chromium'
      ? 'popup says nothing has looked at the page and offers a reload, after which the page is checked'
      : 'the first stage runs in the tab at install, and the popup says what it found',
    async () => {
      const tabId = await inExtension(
        session,
        async (url: string) => {
          const g = globalThis as unknown as Record<'browser' | 'chrome', { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } } | undefined>;
          const tabs = await (g.browser ?? g.chrome)!.tabs.query({});
          return tabs.find((t) => t.url === url)?.id ?? -1;
        },
        session.server.url('plain-article.html?early'),
      );
      expect(tabId).toBeGreaterThanOrEqual(0);
      const popup = await session.ext.openExtensionPage(`popup/popup.html?tab=${tabId}`);
      const status = await waitFor(
        () => popup.$eval('#status', (el) => (el.textContent?.startsWith('Checking') ? '' : el.textContent)),
        'the popup status',
        20_000,
      );
      if (name === 'firefox') {
        expect(status).toBe('This page is not about this story.');
        await popup.close();
        return;
      }
      expect(status).toBe('Backstory hasn’t looked at this page: the page was open before Backstory was installed or updated.');
      await popup.click('#reload');
      await waitFor(() => popup.$eval('#status', (el) => el.textContent === 'This page is not about this story.'), 'the status after the reload', 20_000).catch(
        async (error) => {
          throw new Error(`${String(error)}; the popup said: ${await popup.$eval('#status', (el) => el.textContent)}`);
        },
      );
      await popup.close();
    },
  );
});
