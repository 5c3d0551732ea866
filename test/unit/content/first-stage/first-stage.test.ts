// The first stage as the browser runs it (the module's top level), in jsdom: on an unrelated page
// it touches no extension API at all; on a candidate it asks for the full stage once; after a
// single-page app's move to a new address it looks again.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FIRST_STAGE_KEY } from '../../../../src/shared/first-stage-state';

const sendMessage = vi.fn(() => Promise.resolve());
/** Every property read on the extension API objects, so that "touches no API" is checked, not assumed. */
let touched: string[] = [];
const api = new Proxy(
  { runtime: { sendMessage } },
  {
    get: (target, key) => {
      touched.push(String(key));
      return Reflect.get(target, key);
    },
  },
);

function page(title: string, body: string): void {
  document.head.innerHTML = `<title>${title}</title>`;
  document.body.innerHTML = body;
}

async function runFirstStage(): Promise<void> {
  vi.resetModules();
  await import('../../../../src/content/first-stage/index');
}

beforeEach(() => {
  touched = [];
  sendMessage.mockClear();
  delete (globalThis as Record<string, unknown>)[FIRST_STAGE_KEY];
  Object.assign(globalThis, { chrome: api });
  history.replaceState(null, '', '/start');
});
afterEach(() => {
  vi.useRealTimers();
  delete (globalThis as Record<string, unknown>).chrome;
});

describe('first stage', () => {
  it('touches no extension API on an unrelated page, and leaves its verdict for the popup', async () => {
    page('Allotments', '<p>Growers met on Tuesday.</p>');
    await runFirstStage();
    expect(touched).toEqual([]);
    expect(sendMessage).not.toHaveBeenCalled();
    expect((globalThis as Record<string, unknown>)[FIRST_STAGE_KEY]).toEqual({ build: 'unit-test-build', candidate: false });
  });

  it('asks the background for the full stage, once, on a page that may be about the story', async () => {
    page('Kaspersky responds', '<p>Kaspersky said it was disappointed.</p>');
    await runFirstStage();
    expect(sendMessage).toHaveBeenCalledTimes(1);
    expect(sendMessage).toHaveBeenCalledWith({ type: 'startFullStage' });
    expect((globalThis as Record<string, unknown>)[FIRST_STAGE_KEY]).toMatchObject({ candidate: true });
    // A second injection into the same page does nothing.
    await runFirstStage();
    expect(sendMessage).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['Санкции США', '<p>Продукты «Лаборатории Касперского» запрещены.</p>'],
    ['販売禁止', '<p>米国がカスペルスキーの販売を禁止した。</p>'],
    ['Warnung', '<p>Das britische Nationale Zentrum für Cyber<b>sicherheit</b> warnt.</p>'],
  ])('asks for the full stage on a page that names the story only in another language or script: %s', async (title, body) => {
    page(title, body);
    await runFirstStage();
    expect(sendMessage).toHaveBeenCalledWith({ type: 'startFullStage' });
  });

  it('looks again after a single-page app moves to a new address (jsdom has no Navigation API: the <head> fallback)', async () => {
    vi.useFakeTimers();
    page('Allotments', '<p>Growers met on Tuesday.</p>');
    await runFirstStage();
    document.body.innerHTML = '<p>The NCSC told departments to stop using Kaspersky.</p>';
    history.pushState(null, '', '/story');
    document.title = 'Kaspersky advice';
    await vi.advanceTimersByTimeAsync(0);
    expect(sendMessage).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(600);
    expect(sendMessage).toHaveBeenCalledWith({ type: 'startFullStage' });
  });
});
