import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SEEN_AFTER_MS, watchSeen } from '../../../../src/content/panel/seen-watch';

/** Makes the document visible or hidden, as switching tabs or minimising the window does, and says so. */
function setVisibility(state: 'visible' | 'hidden'): void {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  document.dispatchEvent(new Event('visibilitychange'));
}

let controller: AbortController;
const onSeen = vi.fn();

beforeEach(() => {
  vi.useFakeTimers();
  setVisibility('visible');
  controller = new AbortController();
  onSeen.mockClear();
});

afterEach(() => {
  controller.abort();
  vi.useRealTimers();
  Reflect.deleteProperty(document, 'visibilityState');
});

describe('watchSeen', () => {
  it('counts the panel as seen once it has been open in a visible page for SEEN_AFTER_MS, and says so once', () => {
    const watch = watchSeen(document, onSeen, controller.signal);
    watch.opened(true);
    vi.advanceTimersByTime(SEEN_AFTER_MS - 1);
    expect(onSeen).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onSeen).toHaveBeenCalledTimes(1);
    watch.acted();
    watch.opened(false);
    watch.opened(true);
    vi.advanceTimersByTime(SEEN_AFTER_MS * 2);
    expect(onSeen).toHaveBeenCalledTimes(1);
  });

  it('does not count a panel that stays the tab', () => {
    const watch = watchSeen(document, onSeen, controller.signal);
    watch.opened(false);
    vi.advanceTimersByTime(SEEN_AFTER_MS * 10);
    expect(onSeen).not.toHaveBeenCalled();
  });

  it('needs one unbroken stretch: folding it to the tab early starts the clock again on the next opening', () => {
    const watch = watchSeen(document, onSeen, controller.signal);
    watch.opened(true);
    vi.advanceTimersByTime(SEEN_AFTER_MS / 2);
    watch.opened(false);
    vi.advanceTimersByTime(SEEN_AFTER_MS);
    watch.opened(true);
    vi.advanceTimersByTime(SEEN_AFTER_MS - 1);
    expect(onSeen).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onSeen).toHaveBeenCalledTimes(1);
  });

  it('does not count time while the page is hidden (another tab in front, the window minimised)', () => {
    setVisibility('hidden');
    const watch = watchSeen(document, onSeen, controller.signal);
    watch.opened(true);
    vi.advanceTimersByTime(SEEN_AFTER_MS * 3);
    expect(onSeen).not.toHaveBeenCalled();
    setVisibility('visible');
    vi.advanceTimersByTime(SEEN_AFTER_MS / 2);
    setVisibility('hidden');
    vi.advanceTimersByTime(SEEN_AFTER_MS);
    expect(onSeen).not.toHaveBeenCalled();
    setVisibility('visible');
    vi.advanceTimersByTime(SEEN_AFTER_MS);
    expect(onSeen).toHaveBeenCalledTimes(1);
  });

  it('counts an act on the panel at once', () => {
    const watch = watchSeen(document, onSeen, controller.signal);
    watch.opened(true);
    watch.acted();
    expect(onSeen).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(SEEN_AFTER_MS);
    expect(onSeen).toHaveBeenCalledTimes(1);
  });

  it('says nothing once its signal aborted (the panel went)', () => {
    const watch = watchSeen(document, onSeen, controller.signal);
    watch.opened(true);
    controller.abort();
    vi.advanceTimersByTime(SEEN_AFTER_MS);
    watch.acted();
    expect(onSeen).not.toHaveBeenCalled();
  });
});
