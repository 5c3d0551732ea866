import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const mocks = vi.hoisted(() => ({
  listeners: [] as ((message: unknown, sender: unknown) => unknown)[],
  stored: {} as Record<string, unknown>,
  setup: { dismissed: false, messages: {} } as unknown,
  // The background answers getPageSetup with the settings in storage.sync (mocks.stored).
  answer: (message: { type: string }): Promise<unknown> =>
    Promise.resolve(message.type === 'getPageSetup' ? { settings: mocks.stored, ...(mocks.setup as object) } : undefined),
  sendMessage: vi.fn((message: { type: string }): Promise<unknown> => mocks.answer(message)),
  removeListener: vi.fn(),
}));

vi.mock('../../../../src/content/full-stage/runtime', () => ({
  runtimeId: () => 'test-id',
  sendToBackground: mocks.sendMessage,
  onRuntimeMessage: vi.fn((listener: (message: unknown, sender: unknown) => unknown) => {
    mocks.listeners.push(listener);
    return () => mocks.removeListener(listener);
  }),
}));

/** The reader changes settings: storage.sync holds the new values and the background tells the page. */
async function changeSettings(values: Record<string, unknown>): Promise<void> {
  mocks.stored = { ...mocks.stored, ...values };
  expect(mocks.listeners[0]!({ type: 'settingsChanged' }, { id: 'test-id' })).toBeUndefined();
  await new Promise((resolve) => setTimeout(resolve, 0));
}

/** The messages of one type the full stage sent to the background. */
const sent = (type: string) => mocks.sendMessage.mock.calls.map((c) => c[0]).filter((m) => m.type === type);

import { pageMessages } from '../../../../src/background/page-messages';
import { canAnnotate } from '../../../../src/content/full-stage/classify-page';
import { MARK_HIGHLIGHT } from '../../../../src/content/marks/mark-renderer';
import { runFullStage, type FullStage } from '../../../../src/content/full-stage/full-stage';
import { PANEL_TAG } from '../../../../src/content/panel/panel';
import { FIRST_STAGE_KEY } from '../../../../src/shared/first-stage-state';
import { useMessages } from '../../../../src/shared/i18n';
import { fakeLayout } from '../../helpers/fake-layout';
import { userClick } from '../../helpers/user-input';

const RELEVANT = `<article><h1>Kaspersky Lab denies spying claims</h1>
  <p>Kaspersky Lab has rejected reports that its antivirus software helped Russian intelligence services.</p>
  <p>The company said it had never helped any government with cyber-espionage, and Kaspersky offered to let outside experts check its code.</p>
  <p>Earlier this year the US government barred Kaspersky software from its networks.</p></article>`;
const IRRELEVANT = `<article><h1>Denmark hold on for a draw</h1>
  <p>Kasper Schmeichel saved a late penalty as Denmark held on for a draw in Copenhagen on Saturday night.</p>
  <p>The goalkeeper said the team had fought hard and deserved the point after a difficult second half.</p></article>`;

let stage: FullStage | null = null;

function load(title: string, body: string): void {
  document.title = title;
  document.body.innerHTML = body;
}

beforeEach(() => {
  mocks.listeners.length = 0;
  mocks.stored = {};
  mocks.setup = { dismissed: false, seen: false, messages: pageMessages() };
  // The table the last test's setup installed is forgotten: t() asks the browser again.
  useMessages({});
  mocks.sendMessage.mockClear();
  mocks.sendMessage.mockImplementation((message) => mocks.answer(message));
  mocks.removeListener.mockClear();
});

afterEach(() => {
  stage?.stop();
  stage = null;
  document.body.innerHTML = '';
  document.title = '';
  vi.restoreAllMocks();
});

describe('canAnnotate', () => {
  it('is true for the jsdom HTML document and false for an XML document', () => {
    expect(document.contentType).toBe('text/html');
    expect(canAnnotate(document)).toBe(true);
    expect(canAnnotate(document.implementation.createDocument(null, 'root'))).toBe(false);
  });
});

describe('runFullStage', () => {
  it('on a relevant page reports the verdict once and mounts one panel', async () => {
    load('Kaspersky Lab denies spying claims', RELEVANT);
    stage = runFullStage(document, window);
    await stage.ready;
    expect(stage.verdict().topics).toEqual(['kaspersky']);
    expect(stage.verdict().mentions.kaspersky).toBeGreaterThanOrEqual(4);
    expect(sent('pageClassified')).toEqual([{ type: 'pageClassified', verdict: stage.verdict() }]);
    expect(Object.keys(stage.verdict()).sort()).toEqual(['confidence', 'mentions', 'topics']);
    expect(document.querySelectorAll(PANEL_TAG)).toHaveLength(1);
  });

  it('on an irrelevant page reports empty topics and leaves the DOM unchanged', async () => {
    load('Denmark hold on for a draw', IRRELEVANT);
    const before = document.documentElement.outerHTML;
    stage = runFullStage(document, window);
    await stage.ready;
    expect(sent('pageClassified')).toEqual([{ type: 'pageClassified', verdict: expect.objectContaining({ topics: [] }) }]);
    expect(document.documentElement.outerHTML).toBe(before);
    expect(document.querySelector(PANEL_TAG)).toBeNull();
  });

  it('without an answer from the background (extension reloaded under the page) shows nothing, but still classifies the page', async () => {
    mocks.sendMessage.mockImplementation(() => Promise.reject(new Error('Extension context invalidated.')));
    load('Kaspersky Lab denies spying claims', RELEVANT);
    stage = runFullStage(document, window);
    await stage.ready;
    // It may be a site the reader turned off: nothing is shown until the background can say.
    expect(document.querySelector(PANEL_TAG)).toBeNull();
    expect(CSS.highlights.has(MARK_HIGHLIGHT)).toBe(false);
    expect(stage.verdict().topics).toEqual(['kaspersky']);
  });

  it('answers getPageStatus from the extension itself', async () => {
    load('Kaspersky Lab denies spying claims', RELEVANT);
    stage = runFullStage(document, window);
    await stage.ready;
    expect(mocks.listeners).toHaveLength(1);
    const answer = mocks.listeners[0]!({ type: 'getPageStatus' }, { id: 'test-id' });
    await expect(answer).resolves.toEqual({ state: 'classified', verdict: stage.verdict(), site: 'localhost' });
  });

  it('ignores, with a warning, messages from another extension', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    load('Kaspersky Lab denies spying claims', RELEVANT);
    stage = runFullStage(document, window);
    expect(mocks.listeners[0]!({ type: 'getPageStatus' }, { id: 'someone-else' })).toBeUndefined();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toContain('outside the extension');
  });

  it('ignores, with a warning, malformed messages', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    load('Denmark hold on for a draw', IRRELEVANT);
    stage = runFullStage(document, window);
    const listener = mocks.listeners[0]!;
    for (const message of [null, 'getPageStatus', { type: 'nope' }, [{ type: 'getPageStatus' }], { type: 'pageClassified', verdict: {} }]) {
      expect(listener(message, { id: 'test-id' })).toBeUndefined();
    }
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toContain('malformed');
  });

  it('reports again when the page comes back from the back/forward cache', async () => {
    load('Kaspersky Lab denies spying claims', RELEVANT);
    stage = runFullStage(document, window);
    await stage.ready;
    window.dispatchEvent(Object.assign(new Event('pageshow'), { persisted: false }));
    expect(sent('pageClassified')).toHaveLength(1);
    window.dispatchEvent(Object.assign(new Event('pageshow'), { persisted: true }));
    expect(sent('pageClassified')).toHaveLength(2);
  });

  it('stop() removes the panel, the message listener and the pageshow listener', async () => {
    load('Kaspersky Lab denies spying claims', RELEVANT);
    stage = runFullStage(document, window);
    await stage.ready;
    const listener = mocks.listeners[0];
    stage.stop();
    expect(document.querySelector(PANEL_TAG)).toBeNull();
    expect(mocks.removeListener).toHaveBeenCalledWith(listener);
    window.dispatchEvent(Object.assign(new Event('pageshow'), { persisted: true }));
    expect(sent('pageClassified')).toHaveLength(1);
  });

  it("follows the reader's settings: topics switched off, highlights off, collapsed panel", async () => {
    mocks.stored = { topics: { kaspersky: false, ncsc: true } };
    load('Kaspersky Lab denies spying claims', RELEVANT);
    stage = runFullStage(document, window);
    await stage.ready;
    expect(stage.verdict().topics).toEqual([]);
    expect(document.querySelector(PANEL_TAG)).toBeNull();
    // Changing the setting applies at once, without a reload.
    await changeSettings({ topics: { kaspersky: true, ncsc: true }, panel: 'collapsed', highlights: false });
    const shadow = document.querySelector(PANEL_TAG)!.shadowRoot!;
    expect(shadow.querySelector('.collapse')!.getAttribute('aria-expanded')).toBe('false');
    expect(document.querySelectorAll('backstory-card')).toHaveLength(0);
    expect(sent('pageClassified').at(-1)).toEqual({ type: 'pageClassified', verdict: expect.objectContaining({ topics: ['kaspersky'] }) });
  });

  it('shows nothing on a site the reader turned off, and tells the badge nothing matched; undo brings it back', async () => {
    mocks.stored = { blockedSites: ['localhost'] };
    load('Kaspersky Lab denies spying claims', RELEVANT);
    stage = runFullStage(document, window);
    await stage.ready;
    expect(document.querySelector(PANEL_TAG)).toBeNull();
    expect(sent('pageClassified')).toEqual([{ type: 'pageClassified', verdict: expect.objectContaining({ topics: [] }) }]);
    // The popup still learns what the page is about.
    await expect(mocks.listeners[0]!({ type: 'getPageStatus' }, { id: 'test-id' })).resolves.toMatchObject({ verdict: { topics: ['kaspersky'] } });
    await changeSettings({ blockedSites: [] });
    expect(document.querySelectorAll(PANEL_TAG)).toHaveLength(1);
  });

  it('keeps a panel the reader closed on this page closed, and says so to the background', async () => {
    mocks.setup = { dismissed: true, seen: false, messages: pageMessages() };
    load('Kaspersky Lab denies spying claims', RELEVANT);
    stage = runFullStage(document, window);
    await stage.ready;
    expect(document.querySelector(PANEL_TAG)).toBeNull();
    expect(stage.verdict().topics).toEqual(['kaspersky']);
  });

  it("asks the background for the key quotes or the sources when the reader presses the panel's buttons", async () => {
    load('Kaspersky Lab denies spying claims', RELEVANT);
    stage = runFullStage(document, window);
    await stage.ready;
    const shadow = document.querySelector(PANEL_TAG)!.shadowRoot!;
    userClick(shadow.querySelector('.source button')!);
    expect(sent('openPopup')).toEqual([{ type: 'openPopup', section: 'sources' }]);
    userClick(shadow.querySelector('.quotes-button')!);
    expect(sent('openPopup')).toEqual([
      { type: 'openPopup', section: 'sources' },
      { type: 'openPopup', section: 'quotes' },
    ]);
  });

  it('tells the background when the reader closes the panel', async () => {
    load('Kaspersky Lab denies spying claims', RELEVANT);
    stage = runFullStage(document, window);
    await stage.ready;
    userClick(document.querySelector(PANEL_TAG)!.shadowRoot!.querySelector('.dismiss')!);
    expect(document.querySelector(PANEL_TAG)).toBeNull();
    expect(sent('panelDismissed')).toEqual([{ type: 'panelDismissed' }]);
    // A settings change re-runs the page, and the closed panel stays closed.
    await changeSettings({ highlights: false });
    expect(document.querySelector(PANEL_TAG)).toBeNull();
  });

  it("shows the words the background sends, dates in the reader's language included, without the browser's i18n API", async () => {
    fakeLayout();
    const getMessage = vi.spyOn((globalThis as unknown as { chrome: { i18n: { getMessage(): string } } }).chrome.i18n, 'getMessage');
    mocks.setup = { dismissed: false, seen: false, messages: { ...pageMessages(), storyMonth: 'Dezember 2017', panelHide: 'Ausblenden' } };
    load('Kaspersky Lab denies spying claims', RELEVANT);
    stage = runFullStage(document, window);
    await stage.ready;
    const shadow = document.querySelector(PANEL_TAG)!.shadowRoot!;
    expect(shadow.querySelector('.when')!.textContent).toBe('Dezember 2017');
    expect(shadow.querySelector('.collapse')!.textContent).toBe('Ausblenden');
    // Stepping to a mention shows its card and announces it: words from the same table.
    await vi.waitFor(() => expect(shadow.querySelector('.count')!.textContent).toMatch(/^\d+ mentions on this page/));
    userClick(shadow.querySelector('.next')!);
    expect(shadow.querySelector('.said')!.textContent).toMatch(/^Mention 1 of \d+: Kaspersky/);
    expect(getMessage.mock.calls).toEqual([]);
  });

  it("reads the first look only where the first stage did not pass this page's: not on the first run after it did, again on a later run", async () => {
    /** How often the first look's walk of the whole body's text ran (first-look.ts: a text walker from the body). */
    const walk = vi.spyOn(document, 'createTreeWalker');
    const firstLooks = () => walk.mock.calls.filter(([root, show]) => root === document.body && show === NodeFilter.SHOW_TEXT).length;
    load('Kaspersky Lab denies spying claims', RELEVANT);
    const scope = globalThis as Record<string, unknown>;
    scope[FIRST_STAGE_KEY] = { build: 'unit-test-build', candidate: true };
    try {
      stage = runFullStage(document, window);
      await stage.ready;
      expect(stage.verdict().topics).toEqual(['kaspersky']);
      expect(firstLooks()).toBe(0);
      await changeSettings({ panel: 'collapsed' });
      expect(firstLooks()).toBe(1);
      stage.stop();
      // Another build's state, or none, is not this first stage's word.
      scope[FIRST_STAGE_KEY] = { build: 'an-older-build', candidate: true };
      stage = runFullStage(document, window);
      await stage.ready;
      expect(firstLooks()).toBe(2);
    } finally {
      delete scope[FIRST_STAGE_KEY];
    }
  });

  it('where the first stage passed the page, reads it while the setup is on its way, not after', async () => {
    const scope = globalThis as Record<string, unknown>;
    /** Runs the full stage with the background's answer held back; how many tree walks it made before the answer, and after. */
    const walksAround = async (): Promise<[number, number]> => {
      let answer: (value: unknown) => void = () => undefined;
      mocks.sendMessage.mockImplementation((message) =>
        message.type === 'getPageSetup' ? new Promise((resolve) => (answer = resolve)) : mocks.answer(message),
      );
      const walk = vi.spyOn(document, 'createTreeWalker');
      stage = runFullStage(document, window);
      await new Promise((resolve) => setTimeout(resolve, 0));
      const before = walk.mock.calls.length;
      answer({ settings: {}, ...(mocks.setup as object) });
      await stage.ready;
      const after = walk.mock.calls.length - before;
      walk.mockRestore();
      expect(stage.verdict().topics).toEqual(['kaspersky']);
      expect(document.querySelectorAll(PANEL_TAG)).toHaveLength(1);
      stage.stop();
      return [before, after];
    };
    load('Kaspersky Lab denies spying claims', RELEVANT);
    const [waiting, answered] = await walksAround();
    expect(answered).toBeGreaterThan(0);
    scope[FIRST_STAGE_KEY] = { build: 'unit-test-build', candidate: true };
    try {
      const [early, late] = await walksAround();
      expect(early).toBeGreaterThan(waiting);
      // The panel's task then reads no more of the page than the marks' start does.
      expect(late).toBeLessThan(answered);
    } finally {
      delete scope[FIRST_STAGE_KEY];
    }
  });

  it('takes a malformed setup for no answer: shows nothing, but still classifies the page', async () => {
    mocks.setup = { dismissed: 'no', messages: 'Hide' };
    load('Kaspersky Lab denies spying claims', RELEVANT);
    stage = runFullStage(document, window);
    await stage.ready;
    expect(document.querySelector(PANEL_TAG)).toBeNull();
    await expect(mocks.listeners[0]!({ type: 'getPageStatus' }, { id: 'test-id' })).resolves.toMatchObject({ verdict: { topics: ['kaspersky'] } });
  });

  /** The panel's aria-expanded: 'true' open, 'false' the tab, null no panel. */
  const expanded = () => document.querySelector(PANEL_TAG)?.shadowRoot?.querySelector('.collapse')?.getAttribute('aria-expanded') ?? null;

  describe('read once, then quiet', () => {
    it('with "only the first time" (the default) a page after the reader saw the story starts as the tab; "every time" opens it', async () => {
      mocks.setup = { dismissed: false, seen: true, messages: pageMessages() };
      load('Kaspersky Lab denies spying claims', RELEVANT);
      stage = runFullStage(document, window);
      await stage.ready;
      expect(expanded()).toBe('false');
      await changeSettings({ panel: 'expanded' });
      expect(expanded()).toBe('true');
      await changeSettings({ panel: 'collapsed' });
      expect(expanded()).toBe('false');
    });

    it('a story not seen yet opens in full', async () => {
      load('Kaspersky Lab denies spying claims', RELEVANT);
      stage = runFullStage(document, window);
      await stage.ready;
      expect(expanded()).toBe('true');
      expect(sent('storySeen')).toEqual([]);
    });

    it('tells the background once that the reader has seen it, and a settings change on that page does not fold it away', async () => {
      load('Kaspersky Lab denies spying claims', RELEVANT);
      stage = runFullStage(document, window);
      await stage.ready;
      const hide = () => userClick(document.querySelector(PANEL_TAG)!.shadowRoot!.querySelector('.collapse')!);
      hide();
      expect(sent('storySeen')).toEqual([{ type: 'storySeen' }]);
      // The background now knows: its next setup says so.
      mocks.setup = { dismissed: false, seen: true, messages: pageMessages() };
      await changeSettings({ highlights: false });
      expect(expanded()).toBe('true');
      hide();
      expect(sent('storySeen')).toHaveLength(1);
    });

    it('does not tell the background what it already knows', async () => {
      mocks.setup = { dismissed: false, seen: true, messages: pageMessages() };
      mocks.stored = { panel: 'expanded' };
      load('Kaspersky Lab denies spying claims', RELEVANT);
      stage = runFullStage(document, window);
      await stage.ready;
      userClick(document.querySelector(PANEL_TAG)!.shadowRoot!.querySelector('.collapse')!);
      expect(sent('storySeen')).toEqual([]);
    });
  });

  describe('the keyboard shortcut (togglePanel)', () => {
    const press = async () => {
      expect(mocks.listeners[0]!({ type: 'togglePanel' }, { id: 'test-id' })).toBeUndefined();
      await new Promise((resolve) => setTimeout(resolve, 0));
    };

    it('folds the open panel to the tab and opens it again', async () => {
      load('Kaspersky Lab denies spying claims', RELEVANT);
      stage = runFullStage(document, window);
      await stage.ready;
      await press();
      expect(expanded()).toBe('false');
      expect(sent('storySeen')).toEqual([{ type: 'storySeen' }]);
      await press();
      expect(expanded()).toBe('true');
    });

    it('shows again, open, a panel the reader closed on this page, and tells the background', async () => {
      load('Kaspersky Lab denies spying claims', RELEVANT);
      stage = runFullStage(document, window);
      await stage.ready;
      userClick(document.querySelector(PANEL_TAG)!.shadowRoot!.querySelector('.dismiss')!);
      expect(document.querySelector(PANEL_TAG)).toBeNull();
      await press();
      expect(document.querySelectorAll(PANEL_TAG)).toHaveLength(1);
      expect(expanded()).toBe('true');
      expect(sent('panelReopened')).toEqual([{ type: 'panelReopened' }]);
    });

    it('does nothing on a page not about the story, on a site turned off, or from another extension', async () => {
      load('Denmark hold on for a draw', IRRELEVANT);
      stage = runFullStage(document, window);
      await stage.ready;
      await press();
      expect(document.querySelector(PANEL_TAG)).toBeNull();
      stage.stop();
      mocks.listeners.length = 0;
      mocks.stored = { blockedSites: ['localhost'] };
      load('Kaspersky Lab denies spying claims', RELEVANT);
      stage = runFullStage(document, window);
      await stage.ready;
      await press();
      expect(document.querySelector(PANEL_TAG)).toBeNull();
      expect(sent('panelReopened')).toEqual([]);
      mocks.stored = {};
      await changeSettings({});
      expect(expanded()).toBe('true');
      vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      expect(mocks.listeners[0]!({ type: 'togglePanel' }, { id: 'someone-else' })).toBeUndefined();
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(expanded()).toBe('true');
    });
  });
});
