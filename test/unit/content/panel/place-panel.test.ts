import { afterEach, describe, expect, it, vi } from 'vitest';
import { mountPanel, PANEL_TAG } from '../../../../src/content/panel/panel';
import { placeWhenLaidOut } from '../../../../src/content/panel/place-panel';
import { userClick } from '../../helpers/user-input';

/** A window of `width` x `height` whose frames and timers run by hand. */
function fakeView(width: number, height: number) {
  const frames: FrameRequestCallback[] = [];
  const timers: (() => void)[] = [];
  const view = {
    visualViewport: { offsetLeft: 0, offsetTop: 0, width, height },
    requestAnimationFrame: (cb: FrameRequestCallback) => frames.push(cb),
    cancelAnimationFrame: (id: number) => frames.splice(id - 1, 1, () => undefined),
    setTimeout: (cb: () => void) => timers.push(cb),
    clearTimeout: (id: number) => timers.splice(id - 1, 1, () => undefined),
  } as unknown as Window;
  const nextFrame = () => {
    for (const cb of frames.splice(0)) cb(0);
  };
  const runTimers = () => {
    for (const cb of timers.splice(0)) cb();
  };
  return { view, nextFrame, runTimers };
}

/** Makes `el`'s box the given one (jsdom lays nothing out). */
const boxOf = (el: Element, box: () => { left: number; top: number; width: number; height: number }) =>
  vi.spyOn(el, 'getBoundingClientRect').mockImplementation(() => {
    const { left, top, width, height } = box();
    return { left, top, width, height, right: left + width, bottom: top + height, x: left, y: top, toJSON: () => ({}) };
  });

/** An article whose one paragraph is a column of text from x = 290 to `right`, 100 to 3,000 px down. */
function article(right: number): Element {
  const el = document.createElement('article');
  const p = document.createElement('p');
  p.textContent = 'Kaspersky and the NCSC, in a paragraph of the article.';
  el.append(p);
  document.body.append(el);
  boxOf(p, () => ({ left: 290, top: 100, width: right - 290, height: 2_900 }));
  return el;
}

/** A panel 380 x 600 open, 314 x 45 as the tab, and what placement did to it. */
function panelToPlace() {
  const host = document.createElement('div');
  const panel = document.createElement('aside');
  let open = true;
  const setExpanded = vi.fn((expanded: boolean) => {
    open = expanded;
  });
  boxOf(panel, () => (open ? { left: 0, top: 0, width: 380, height: 600 } : { left: 0, top: 0, width: 314, height: 45 }));
  const seen = () => ({
    placing: panel.classList.contains('placing'),
    open,
    width: host.style.getPropertyValue('--backstory-width'),
    lift: host.style.getPropertyValue('--backstory-lift'),
    tabHeight: host.style.getPropertyValue('--backstory-tab-height'),
  });
  return { placed: { host, panel, setExpanded }, seen };
}

afterEach(() => {
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

describe('placeWhenLaidOut', () => {
  it('keeps the panel unseen until the frame that adds it is laid out, then reads the page and shows it', () => {
    const { view, nextFrame, runTimers } = fakeView(1920, 1080);
    const { placed, seen } = panelToPlace();
    const text = article(990);
    const read = vi.spyOn(text.firstElementChild!, 'getBoundingClientRect');
    placeWhenLaidOut(placed, view, text, false, new AbortController().signal);
    expect(seen()).toMatchObject({ placing: true, open: true });
    nextFrame();
    expect(read).not.toHaveBeenCalled();
    runTimers();
    expect(read).toHaveBeenCalled();
    expect(seen()).toEqual({ placing: false, open: true, width: '', lift: '', tabHeight: '' });
  });

  it("takes the visual viewport's first reading for the host, and writes nothing before its last read", () => {
    const { view, nextFrame, runTimers } = fakeView(1440, 900);
    const { placed } = panelToPlace();
    const text = article(1070);
    const order: string[] = [];
    const viewport = view.visualViewport!;
    Object.defineProperty(view, 'visualViewport', {
      get: () => {
        order.push('read');
        return viewport;
      },
    });
    const reading = (box: { left: number; top: number; width: number; height: number }) => () => {
      order.push('read');
      return box;
    };
    boxOf(text.firstElementChild!, reading({ left: 290, top: 100, width: 780, height: 2_900 }));
    boxOf(placed.panel, reading({ left: 0, top: 0, width: 380, height: 600 }));
    const set = placed.host.style.setProperty.bind(placed.host.style);
    vi.spyOn(placed.host.style, 'setProperty').mockImplementation((...args) => {
      order.push('write');
      set(...args);
    });
    placeWhenLaidOut(placed, view, text, false, new AbortController().signal);
    nextFrame();
    expect(order).toEqual([]);
    runTimers();
    expect(placed.host.style.getPropertyValue('--backstory-width')).toBe('338px');
    expect(placed.host.style.getPropertyValue('--backstory-vv-width')).toBe('1440px');
    expect(placed.host.style.getPropertyValue('--backstory-vv-bottom')).toBe('900px');
    expect(order.indexOf('write')).toBeGreaterThan(order.lastIndexOf('read'));
  });

  it('narrows the open panel a little to fit beside the text', () => {
    const { view, nextFrame, runTimers } = fakeView(1440, 900);
    const { placed, seen } = panelToPlace();
    placeWhenLaidOut(placed, view, article(1070), false, new AbortController().signal);
    nextFrame();
    runTimers();
    expect(seen()).toEqual({ placing: false, open: true, width: '338px', lift: '', tabHeight: '' });
  });

  it.each([
    ['where the margin is too narrow for it', false],
    ['where the reader asked for the tab', true],
  ])('folds it to the tab %s, lifted above the text in view', (_what, startAsTab) => {
    const { view, nextFrame, runTimers } = fakeView(1280, 800);
    const { placed, seen } = panelToPlace();
    placeWhenLaidOut(placed, view, article(startAsTab ? 700 : 990), startAsTab, new AbortController().signal);
    nextFrame();
    runTimers();
    // The text starts 100 px down and reaches the right edge's tab only on the 1280 px window's narrow margin.
    expect(seen()).toEqual({ placing: false, open: false, width: '', lift: startAsTab ? '' : '700px', tabHeight: startAsTab ? '' : '45px' });
  });

  it('does nothing once the panel is gone before the frame', () => {
    const { view, nextFrame, runTimers } = fakeView(1280, 800);
    const { placed, seen } = panelToPlace();
    const controller = new AbortController();
    placeWhenLaidOut(placed, view, article(990), false, controller.signal);
    controller.abort();
    nextFrame();
    runTimers();
    expect(placed.setExpanded).not.toHaveBeenCalled();
    expect(seen().lift).toBe('');
  });
});

describe('an opening before the panel is placed', () => {
  it('is kept: the panel started as the tab and opened by the shortcut while unseen is shown open, not folded again', () => {
    const frames: FrameRequestCallback[] = [];
    const timers: (() => void)[] = [];
    vi.spyOn(window, 'requestAnimationFrame').mockImplementation((cb) => frames.push(cb));
    vi.spyOn(window, 'setTimeout').mockImplementation(((cb: () => void) => timers.push(cb)) as typeof setTimeout);
    const panel = mountPanel(
      document,
      { topics: ['kaspersky'], mentions: { kaspersky: 2, ncsc: 0 }, confidence: 0.9 },
      { dates: { month: 'December 2017', day: '5 December 2017' }, collapsed: true, article: article(990) },
    );
    const aside = panel.host.shadowRoot!.querySelector('.panel')!;
    expect(aside.classList.contains('placing')).toBe(true);
    panel.show();
    for (const cb of frames.splice(0)) cb(0);
    for (const cb of timers.splice(0)) cb();
    expect(aside.classList.contains('placing')).toBe(false);
    expect(aside.classList.contains('open')).toBe(true);
  });
});

describe("the reader's Show on a lifted tab", () => {
  it('drops the lift: the open panel goes to the bottom right', () => {
    mountPanel(
      document,
      { topics: ['kaspersky'], mentions: { kaspersky: 2, ncsc: 0 }, confidence: 0.9 },
      { dates: { month: 'December 2017', day: '5 December 2017' }, collapsed: true },
    );
    const host = document.querySelector<HTMLElement>(PANEL_TAG)!;
    host.style.setProperty('--backstory-lift', '700px', 'important');
    host.style.setProperty('--backstory-tab-height', '45px', 'important');
    const show = host.shadowRoot!.querySelector<HTMLButtonElement>('button.collapse')!;
    userClick(show);
    expect(show.getAttribute('aria-expanded')).toBe('true');
    expect(host.style.getPropertyValue('--backstory-lift')).toBe('');
    expect(host.style.getPropertyValue('--backstory-tab-height')).toBe('');
  });
});
