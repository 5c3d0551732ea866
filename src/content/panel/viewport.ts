/**
 * Phones, narrow windows and zoom. The page's own layout may be wider than the screen (its
 * position: fixed boxes then sit against a layout viewport wider than what the reader sees), and
 * pinch-zoom or an on-screen keyboard shrinks the visible part: the visual viewport
 * (https://developer.mozilla.org/docs/Web/API/Visual_Viewport_API). Our fixed UI is placed
 * against the visual viewport instead, through custom properties on its host.
 */

/** Screens where the panel starts as a small tab and opens as a bottom sheet: narrow or short. */
export const SMALL_SCREEN = '(width < 600px), (height < 500px)';

/** Whether `view` is a small screen (false where matchMedia is missing, as in jsdom). */
export function isSmallScreen(view: Window): boolean {
  return view.matchMedia?.(SMALL_SCREEN).matches ?? false;
}

/** The visible part of the page in layout-viewport coordinates (the ones position: fixed and getBoundingClientRect use). */
export interface VisibleArea {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** The visual viewport, or the whole window where the browser has no visualViewport. */
export function visibleArea(view: Window): VisibleArea {
  const vv = view.visualViewport;
  if (!vv) return { left: 0, top: 0, width: view.innerWidth, height: view.innerHeight };
  return { left: vv.offsetLeft, top: vv.offsetTop, width: vv.width, height: vv.height };
}

/**
 * Sets `--backstory-vv-right`, `--backstory-vv-bottom`, `--backstory-vv-width` and
 * `--backstory-vv-height` on `host` to `area`'s right and bottom edges and size, as inline
 * !important: a page rule cannot win over them (the host's other styles are the shadow root's
 * !important :host rules).
 */
export function showVisibleArea(host: HTMLElement, area: VisibleArea): void {
  const set = (name: string, px: number) => host.style.setProperty(`--backstory-vv-${name}`, `${Math.round(px * 100) / 100}px`, 'important');
  set('right', area.left + area.width);
  set('bottom', area.top + area.height);
  set('width', area.width);
  set('height', area.height);
}

/**
 * Keeps the `--backstory-vv-*` properties on `host` equal to the visual viewport (showVisibleArea),
 * once a frame at most, until `signal` aborts. The first reading comes after the frame that shows
 * the panel, unless `placed`: then place-panel.ts takes it, among its own reads and before any of
 * its writes, since a read after a write makes the browser lay the page out again in our task.
 */
export function followVisualViewport(host: HTMLElement, view: Window, signal: AbortSignal, placed = false): void {
  const vv = view.visualViewport;
  if (!vv) return;
  let frame = 0;
  const update = (): void => {
    frame = 0;
    showVisibleArea(host, visibleArea(view));
  };
  const schedule = (): void => {
    if (!frame) frame = view.requestAnimationFrame(update);
  };
  // The first read waits for the frame that shows the panel to be laid out: read at once, the
  // visual viewport's size makes the browser lay the page out inside the extension's task.
  let first = 0;
  if (!placed) {
    frame = view.requestAnimationFrame(() => {
      first = view.setTimeout(update, 0);
    });
  }
  vv.addEventListener('resize', schedule, { passive: true, signal });
  vv.addEventListener('scroll', schedule, { passive: true, signal });
  signal.addEventListener('abort', () => {
    view.cancelAnimationFrame(frame);
    view.clearTimeout(first);
  });
}
