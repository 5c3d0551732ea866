// @vitest-environment node
import { beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;
const store = vi.hoisted(() => ({
  sync: {} as Record<string, unknown>,
  session: {} as Record<string, unknown>,
  /** How many times the settings were read (one per setup). */
  syncReads: 0,
  messageListeners: [] as Listener[],
  updatedListeners: [] as Listener[],
  storageListeners: [] as Listener[],
  executeScript: vi.fn(async (_details: unknown) => []),
}));
vi.mock('webextension-polyfill', () => ({
  default: {
    runtime: { id: 'test-id', onMessage: { addListener: (l: Listener) => store.messageListeners.push(l) } },
    scripting: { executeScript: store.executeScript },
    tabs: { query: async () => [], sendMessage: async () => undefined, onUpdated: { addListener: (l: Listener) => store.updatedListeners.push(l) } },
    action: { setBadgeText: async () => undefined, setTitle: async () => undefined, setBadgeBackgroundColor: async () => undefined },
    storage: {
      onChanged: { addListener: (l: Listener) => store.storageListeners.push(l) },
      sync: {
        get: vi.fn(async () => {
          store.syncReads += 1;
          return { ...store.sync };
        }),
      },
      local: { get: vi.fn(async () => ({})) },
      session: { get: vi.fn(async (key: string) => (key in store.session ? { [key]: store.session[key] } : {})) },
    },
  },
}));

import { dropSetupAhead, readSetupAhead, takePageSetup } from '../../../src/background/setup-ahead';

const PAGE = 'https://news.example.com/story';

beforeEach(() => {
  store.sync = {};
  store.session = {};
  store.syncReads = 0;
  store.messageListeners.length = 0;
  store.updatedListeners.length = 0;
  store.storageListeners.length = 0;
  store.executeScript.mockClear();
  dropSetupAhead();
});

describe('a setup read ahead', () => {
  it('is the one the full stage takes: the storage is not read again', async () => {
    readSetupAhead(3, PAGE);
    store.sync = { panel: 'collapsed' };
    const setup = await takePageSetup(3, PAGE);
    expect(store.syncReads).toBe(1);
    // Read when the first stage asked: the change after it is not in it (the storage event drops it; see below).
    expect(setup.settings.panel).toBe('firstTime');
  });

  it('is taken once: a second request (new settings) reads afresh', async () => {
    readSetupAhead(3, PAGE);
    await takePageSetup(3, PAGE);
    store.sync = { panel: 'collapsed' };
    expect((await takePageSetup(3, PAGE)).settings.panel).toBe('collapsed');
    expect(store.syncReads).toBe(2);
  });

  it.each([
    ['another tab', 4, PAGE],
    ['another address in the tab', 3, 'https://news.example.com/other'],
  ])('is not given to %s', async (_name, tabId, page) => {
    readSetupAhead(3, PAGE);
    store.sync = { panel: 'collapsed' };
    expect((await takePageSetup(tabId, page)).settings.panel).toBe('collapsed');
  });

  it('is dropped for its tab, or for all', async () => {
    readSetupAhead(3, PAGE);
    readSetupAhead(4, PAGE);
    dropSetupAhead(3);
    store.sync = { panel: 'collapsed' };
    expect((await takePageSetup(3, PAGE)).settings.panel).toBe('collapsed');
    expect((await takePageSetup(4, PAGE)).settings.panel).toBe('firstTime');
    readSetupAhead(4, PAGE);
    dropSetupAhead();
    store.sync = { panel: 'expanded' };
    expect((await takePageSetup(4, PAGE)).settings.panel).toBe('expanded');
  });
});

describe('the background reads the setup ahead', () => {
  const sender = { id: 'test-id', tab: { id: 3 }, frameId: 0, url: PAGE };

  async function start(): Promise<{ onMessage: Listener; onUpdated: Listener; onStorage: Listener }> {
    vi.resetModules();
    await import('../../../src/background/index');
    const { dropSetupAhead: dropInThisModule } = await import('../../../src/background/setup-ahead');
    dropInThisModule();
    return { onMessage: store.messageListeners[0]!, onUpdated: store.updatedListeners[0]!, onStorage: store.storageListeners[0]! };
  }

  it('when the first stage asks for the full stage, and answers getPageSetup with it', async () => {
    const { onMessage } = await start();
    await onMessage({ type: 'startFullStage' }, sender);
    expect(store.executeScript).toHaveBeenCalledWith({ target: { tabId: 3, frameIds: [0] }, files: ['full-stage.js'] });
    expect(store.syncReads).toBe(1);
    const setup = (await onMessage({ type: 'getPageSetup' }, sender)) as { settings: { panel: string } };
    expect(store.syncReads).toBe(1);
    expect(setup.settings.panel).toBe('firstTime');
  });

  it.each([
    ['the settings', 'sync'],
    ['a closed panel', 'session'],
    ['the story seen', 'local'],
  ])('and reads again when %s changed in between', async (_name, area) => {
    const { onMessage, onStorage } = await start();
    await onMessage({ type: 'startFullStage' }, sender);
    store.sync = { panel: 'collapsed' };
    onStorage({}, area);
    expect(((await onMessage({ type: 'getPageSetup' }, sender)) as { settings: { panel: string } }).settings.panel).toBe('collapsed');
  });

  it('and reads again when the tab loads a new document', async () => {
    const { onMessage, onUpdated } = await start();
    await onMessage({ type: 'startFullStage' }, sender);
    store.sync = { panel: 'collapsed' };
    onUpdated(3, { status: 'loading' });
    expect(((await onMessage({ type: 'getPageSetup' }, sender)) as { settings: { panel: string } }).settings.panel).toBe('collapsed');
  });
});
