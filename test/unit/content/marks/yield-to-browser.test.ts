import { afterEach, describe, expect, it, vi } from 'vitest';
import { yieldToBrowser } from '../../../../src/content/marks/yield-to-browser';

afterEach(() => vi.restoreAllMocks());

describe('yieldToBrowser', () => {
  it('waits for a timer while the page is on screen, so the browser draws its frames in between', async () => {
    const timer = vi.spyOn(globalThis, 'setTimeout');
    await yieldToBrowser();
    expect(timer).toHaveBeenCalledTimes(1);
  });

  it('waits for a message, not a timer, while the page is hidden (timers there run once a second)', async () => {
    vi.spyOn(document, 'hidden', 'get').mockReturnValue(true);
    const timer = vi.spyOn(globalThis, 'setTimeout');
    const post = vi.spyOn(MessagePort.prototype, 'postMessage');
    await yieldToBrowser();
    expect(timer).not.toHaveBeenCalled();
    expect(post).toHaveBeenCalledTimes(1);
  });
});
