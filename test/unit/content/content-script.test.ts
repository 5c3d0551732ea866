import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const mocks = vi.hoisted(() => ({
  listeners: [] as ((message: unknown, sender: unknown) => unknown)[],
  sendMessage: vi.fn(() => Promise.resolve()),
  removeListener: vi.fn(),
}));

vi.mock('../../../src/content/runtime', () => ({
  runtimeId: () => 'test-id',
  sendToBackground: mocks.sendMessage,
  onRuntimeMessage: vi.fn((listener: (message: unknown, sender: unknown) => unknown) => {
    mocks.listeners.push(listener);
    return () => mocks.removeListener(listener);
  }),
}));

import { canAnnotate } from '../../../src/content/classify-page';
import { startContentScript, type ContentScript } from '../../../src/content/content-script';
import { PANEL_TAG } from '../../../src/content/panel';

const RELEVANT = `<article><h1>Kaspersky Lab denies spying claims</h1>
  <p>Kaspersky Lab has rejected reports that its antivirus software helped Russian intelligence services.</p>
  <p>The company said it had never helped any government with cyber-espionage, and Kaspersky offered to let outside experts check its code.</p>
  <p>Earlier this year the US government barred Kaspersky software from its networks.</p></article>`;
const IRRELEVANT = `<article><h1>Denmark hold on for a draw</h1>
  <p>Kasper Schmeichel saved a late penalty as Denmark held on for a draw in Copenhagen on Saturday night.</p>
  <p>The goalkeeper said the team had fought hard and deserved the point after a difficult second half.</p></article>`;

let script: ContentScript | null = null;

function load(title: string, body: string): void {
  document.title = title;
  document.body.innerHTML = body;
}

beforeEach(() => {
  mocks.listeners.length = 0;
  mocks.sendMessage.mockClear();
  mocks.removeListener.mockClear();
});

afterEach(() => {
  script?.stop();
  script = null;
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

describe('startContentScript', () => {
  it('on a relevant page reports the verdict once and mounts one panel', () => {
    load('Kaspersky Lab denies spying claims', RELEVANT);
    script = startContentScript(document, window);
    expect(script.verdict().topics).toEqual(['kaspersky']);
    expect(script.verdict().mentions.kaspersky).toBeGreaterThanOrEqual(4);
    expect(mocks.sendMessage).toHaveBeenCalledTimes(1);
    expect(mocks.sendMessage).toHaveBeenCalledWith({ type: 'pageClassified', verdict: script.verdict() });
    expect(Object.keys(script.verdict()).sort()).toEqual(['confidence', 'mentions', 'topics']);
    expect(document.querySelectorAll(PANEL_TAG)).toHaveLength(1);
  });

  it('on an irrelevant page reports empty topics and leaves the DOM unchanged', () => {
    load('Denmark hold on for a draw', IRRELEVANT);
    const before = document.documentElement.outerHTML;
    script = startContentScript(document, window);
    expect(mocks.sendMessage).toHaveBeenCalledTimes(1);
    expect(mocks.sendMessage).toHaveBeenCalledWith({ type: 'pageClassified', verdict: expect.objectContaining({ topics: [] }) });
    expect(document.documentElement.outerHTML).toBe(before);
    expect(document.querySelector(PANEL_TAG)).toBeNull();
  });

  it('survives a rejected sendMessage (extension reloaded under the page)', async () => {
    mocks.sendMessage.mockImplementationOnce(() => Promise.reject(new Error('Extension context invalidated.')));
    load('Kaspersky Lab denies spying claims', RELEVANT);
    script = startContentScript(document, window);
    await Promise.resolve();
    expect(document.querySelectorAll(PANEL_TAG)).toHaveLength(1);
  });

  it('answers getPageStatus from the extension itself', async () => {
    load('Kaspersky Lab denies spying claims', RELEVANT);
    script = startContentScript(document, window);
    expect(mocks.listeners).toHaveLength(1);
    const answer = mocks.listeners[0]!({ type: 'getPageStatus' }, { id: 'test-id' });
    await expect(answer).resolves.toEqual({ state: 'classified', verdict: script.verdict() });
  });

  it('ignores, with a warning, messages from another extension', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    load('Kaspersky Lab denies spying claims', RELEVANT);
    script = startContentScript(document, window);
    expect(mocks.listeners[0]!({ type: 'getPageStatus' }, { id: 'someone-else' })).toBeUndefined();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toContain('outside the extension');
  });

  it('ignores, with a warning, malformed messages', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    load('Denmark hold on for a draw', IRRELEVANT);
    script = startContentScript(document, window);
    const listener = mocks.listeners[0]!;
    for (const message of [null, 'getPageStatus', { type: 'nope' }, [{ type: 'getPageStatus' }], { type: 'pageClassified', verdict: {} }]) {
      expect(listener(message, { id: 'test-id' })).toBeUndefined();
    }
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toContain('malformed');
  });

  it('reports again when the page comes back from the back/forward cache', () => {
    load('Kaspersky Lab denies spying claims', RELEVANT);
    script = startContentScript(document, window);
    window.dispatchEvent(Object.assign(new Event('pageshow'), { persisted: false }));
    expect(mocks.sendMessage).toHaveBeenCalledTimes(1);
    window.dispatchEvent(Object.assign(new Event('pageshow'), { persisted: true }));
    expect(mocks.sendMessage).toHaveBeenCalledTimes(2);
  });

  it('stop() removes the panel, the message listener and the pageshow listener', () => {
    load('Kaspersky Lab denies spying claims', RELEVANT);
    script = startContentScript(document, window);
    const listener = mocks.listeners[0];
    script.stop();
    expect(document.querySelector(PANEL_TAG)).toBeNull();
    expect(mocks.removeListener).toHaveBeenCalledWith(listener);
    window.dispatchEvent(Object.assign(new Event('pageshow'), { persisted: true }));
    expect(mocks.sendMessage).toHaveBeenCalledTimes(1);
  });
});
