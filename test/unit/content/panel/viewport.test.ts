import { afterEach, describe, expect, it, vi } from 'vitest';
import { PANEL_CSS } from '../../../../src/content/panel/panel-style';
import { followVisualViewport, isSmallScreen, SMALL_SCREEN, visibleArea } from '../../../../src/content/panel/viewport';

/** A window whose visual viewport is the given rectangle, with frames run by hand. */
function fakeView(area: { offsetLeft: number; offsetTop: number; width: number; height: number }) {
  const vv = Object.assign(new EventTarget(), area);
  const frames: FrameRequestCallback[] = [];
  const timers: (() => void)[] = [];
  const view = {
    visualViewport: vv,
    innerWidth: 1000,
    innerHeight: 800,
    requestAnimationFrame: (cb: FrameRequestCallback) => frames.push(cb),
    cancelAnimationFrame: vi.fn(),
    setTimeout: (cb: () => void) => timers.push(cb),
    clearTimeout: vi.fn(),
  } as unknown as Window;
  const runFrames = () => {
    for (const cb of frames.splice(0)) cb(0);
  };
  const runTimers = () => {
    for (const cb of timers.splice(0)) cb();
  };
  return { view, vv, runFrames, runTimers };
}

const props = (host: HTMLElement) =>
  Object.fromEntries(
    ['right', 'bottom', 'width', 'height'].map((name) => {
      const prop = `--backstory-vv-${name}`;
      return [name, `${host.style.getPropertyValue(prop)} ${host.style.getPropertyPriority(prop)}`];
    }),
  );

afterEach(() => {
  Reflect.deleteProperty(window, 'matchMedia');
});

describe('isSmallScreen', () => {
  it.each([
    [true, true],
    [false, false],
  ])('is %s when the small-screen query matches: %s', (matches, expected) => {
    const matchMedia = vi.fn(() => ({ matches }));
    expect(isSmallScreen({ matchMedia } as unknown as Window)).toBe(expected);
    expect(matchMedia).toHaveBeenCalledWith(SMALL_SCREEN);
  });

  it("is the same query as the panel's stylesheet uses for its tab and sheet (the CSS cannot import it)", () => {
    expect(PANEL_CSS).toContain(`@media ${SMALL_SCREEN} {`);
  });

  it('is false where the browser has no matchMedia (jsdom)', () => {
    expect(isSmallScreen(window)).toBe(false);
  });
});

describe('visibleArea', () => {
  it('is the visual viewport, or the whole window without one', () => {
    expect(visibleArea(fakeView({ offsetLeft: 5, offsetTop: 7, width: 195, height: 422 }).view)).toEqual({ left: 5, top: 7, width: 195, height: 422 });
    expect(visibleArea({ innerWidth: 390, innerHeight: 844 } as Window)).toEqual({ left: 0, top: 0, width: 390, height: 844 });
  });
});

describe('followVisualViewport', () => {
  it("sets the visual viewport's edges and size on the host as !important custom properties, and follows it once a frame until aborted", () => {
    const host = document.createElement('div');
    const { view, vv, runFrames, runTimers } = fakeView({ offsetLeft: 0, offsetTop: 0, width: 390, height: 844 });
    const controller = new AbortController();
    followVisualViewport(host, view, controller.signal);
    // Not read in the task that mounts the panel, nor in the frame's callback before layout, but
    // once that frame is done: reading it earlier makes the browser lay the page out in our task.
    const unset = { right: ' ', bottom: ' ', width: ' ', height: ' ' };
    expect(props(host)).toEqual(unset);
    runFrames();
    expect(props(host)).toEqual(unset);
    runTimers();
    expect(props(host)).toEqual({ right: '390px important', bottom: '844px important', width: '390px important', height: '844px important' });

    // Pinch-zoom to 2x, panned right and down: a smaller visible part, further in.
    Object.assign(vv, { offsetLeft: 100, offsetTop: 300, width: 195, height: 422 });
    vv.dispatchEvent(new Event('resize'));
    vv.dispatchEvent(new Event('scroll'));
    expect(props(host).right).toBe('390px important');
    runFrames();
    expect(props(host)).toEqual({ right: '295px important', bottom: '722px important', width: '195px important', height: '422px important' });

    controller.abort();
    Object.assign(vv, { height: 500 });
    vv.dispatchEvent(new Event('resize'));
    runFrames();
    expect(props(host).height).toBe('422px important');
  });

  it('leaves the first reading to placement where the panel is placed, and follows the visual viewport after it', () => {
    const host = document.createElement('div');
    const { view, vv, runFrames, runTimers } = fakeView({ offsetLeft: 0, offsetTop: 0, width: 390, height: 844 });
    followVisualViewport(host, view, new AbortController().signal, true);
    runFrames();
    runTimers();
    expect(host.getAttribute('style')).toBeNull();
    Object.assign(vv, { width: 300 });
    vv.dispatchEvent(new Event('resize'));
    runFrames();
    expect(props(host).width).toBe('300px important');
  });

  it('leaves the host alone where there is no visual viewport', () => {
    const host = document.createElement('div');
    followVisualViewport(host, { visualViewport: null } as unknown as Window, new AbortController().signal);
    expect(host.getAttribute('style')).toBeNull();
  });
});
