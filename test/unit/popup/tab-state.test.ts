// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { readTabState, isPending, type TabApis } from '../../../src/popup/tab-state';

const BUILD = 'build-1';
const classified = { state: 'classified', verdict: { topics: ['kaspersky'], mentions: { kaspersky: 2, ncsc: 0 }, confidence: 0.7 }, site: 'news.example.com' };
const noListener = () => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'));

/** Fake browser calls: by default no full stage, a loaded https page, access granted, and nothing left by a first stage. */
function apis(over: Partial<TabApis> = {}, url: string | undefined = 'https://news.example.com/story', loading = false): TabApis {
  return {
    askFullStage: noListener,
    probeFirstStage: () => Promise.resolve(null),
    tab: () => Promise.resolve({ url, loading }),
    permissions: { contains: () => Promise.resolve(true), request: () => Promise.resolve(true) },
    ...over,
  };
}

describe('readTabState', () => {
  it('takes the full stage’s answer when it gives one, without probing the page', async () => {
    const probe = vi.fn(() => Promise.resolve(null));
    const state = await readTabState(apis({ askFullStage: () => Promise.resolve(classified), probeFirstStage: probe }), BUILD);
    expect(state).toEqual({ kind: 'classified', status: classified });
    expect(probe).not.toHaveBeenCalled();
  });

  it('says "not about the story" only where this build’s first stage looked and dismissed the page', async () => {
    const state = await readTabState(apis({ probeFirstStage: () => Promise.resolve({ build: BUILD, candidate: false }) }), BUILD);
    expect(state).toEqual({ kind: 'dismissed', site: 'news.example.com' });
  });

  it('says the full stage is on its way where the first stage found a candidate', async () => {
    const state = await readTabState(apis({ probeFirstStage: () => Promise.resolve({ build: BUILD, candidate: true }) }), BUILD);
    expect(state).toEqual({ kind: 'starting' });
    expect(isPending(state)).toBe(true);
  });

  it.each([
    ['nothing at all', null],
    ['an earlier build’s state', { build: 'build-0', candidate: false }],
    ['a malformed state', { build: BUILD, candidate: 'no' }],
    ['a page’s own value', 'hello'],
  ])('treats %s as "nothing ran here: reload"', async (_, left) => {
    const state = await readTabState(apis({ probeFirstStage: () => Promise.resolve(left) }), BUILD);
    expect(state).toEqual({ kind: 'notRun', loading: false });
    expect(isPending(state)).toBe(false);
  });

  it('keeps waiting while a page where nothing ran yet is still loading', async () => {
    const state = await readTabState(apis({}, 'https://news.example.com/story', true), BUILD);
    expect(state).toEqual({ kind: 'notRun', loading: true });
    expect(isPending(state)).toBe(true);
  });

  it.each(['chrome://extensions/', 'about:addons', 'file:///home/a.html', 'view-source:https://a.example/'])(
    'says Backstory cannot run on %s without probing it',
    async (url) => {
      const probe = vi.fn(() => Promise.resolve(null));
      await expect(readTabState(apis({ probeFirstStage: probe }, url), BUILD)).resolves.toEqual({ kind: 'cannotRun' });
      expect(probe).not.toHaveBeenCalled();
    },
  );

  it('says Backstory cannot run where the browser refuses it script on an allowed site (an add-on store)', async () => {
    const state = await readTabState(
      apis({ probeFirstStage: () => Promise.reject(new Error('The extensions gallery cannot be scripted.')) }, 'https://chromewebstore.google.com/'),
      BUILD,
    );
    expect(state).toEqual({ kind: 'cannotRun' });
  });

  it('keeps waiting where the probe is refused while the page is loading (a reload under way), instead of saying it cannot run', async () => {
    const probe = () => Promise.reject(new Error('Frame with ID 0 is showing error page'));
    const state = await readTabState(apis({ probeFirstStage: probe }, 'https://news.example.com/story', true), BUILD);
    expect(state).toEqual({ kind: 'notRun', loading: true });
    expect(isPending(state)).toBe(true);
  });

  it('reports withheld site access before probing, with the site to ask for', async () => {
    const probe = vi.fn(() => Promise.resolve({ build: BUILD, candidate: false }));
    const permissions = { contains: () => Promise.resolve(false), request: () => Promise.resolve(true) };
    const state = await readTabState(apis({ probeFirstStage: probe, permissions }), BUILD);
    expect(state).toEqual({ kind: 'withheld', access: { kind: 'withheld', origins: ['https://news.example.com/*'], site: 'news.example.com' } });
    expect(probe).not.toHaveBeenCalled();
  });

  it('ignores a malformed answer from the full stage and falls back to the first stage’s state', async () => {
    const state = await readTabState(
      apis({
        askFullStage: () => Promise.resolve({ state: 'classified', site: 'x' }),
        probeFirstStage: () => Promise.resolve({ build: BUILD, candidate: false }),
      }),
      BUILD,
    );
    expect(state.kind).toBe('dismissed');
  });
});
