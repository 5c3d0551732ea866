/**
 * Puts a newly mounted panel where placement.ts says, clear of the article's reading text, before
 * the reader sees it: the panel is laid out unseen (`.placing`), and the page is measured once the
 * frame that adds it has been laid out, so no read makes the browser lay the page out inside the
 * extension's task. That task also takes the visual viewport's first reading for
 * followVisualViewport, and writes nothing until every read is done.
 */
import { tabLift, widthBeside } from './placement';
import { readingTextBoxes } from './reading-text';
import { showVisibleArea, visibleArea, type VisibleArea } from './viewport';

/** What placement needs of the mounted panel. */
export interface PlacedPanel {
  host: HTMLElement;
  /** The panel's box (the `.panel` element in the shadow root). */
  panel: HTMLElement;
  /** Opens or folds it, as its Hide/Show button does. */
  setExpanded(expanded: boolean): void;
}

/** Sets a custom property on the host as inline !important, like viewport.ts does. */
const setPx = (host: HTMLElement, name: string, px: number): void => host.style.setProperty(`--backstory-${name}`, `${px}px`, 'important');

/** A placement on its way. */
export interface Placement {
  /**
   * The reader opened the panel before it was placed (the keyboard shortcut can, while it is still
   * unseen): it is then only shown, as the reader left it, neither folded nor narrowed.
   */
  keep(): void;
}

/**
 * Places `placed` (mounted open, or folded where `startAsTab`) beside `article`'s text, or folds
 * it to the tab and lifts the tab clear of the text in view, then shows it. Nothing happens once
 * `signal` aborts.
 */
export function placeWhenLaidOut(placed: PlacedPanel, view: Window, article: Element | null, startAsTab: boolean, signal: AbortSignal): Placement {
  const { host, panel, setExpanded } = placed;
  let kept = false;
  panel.classList.add('placing');
  const place = (): void => {
    const area = visibleArea(view);
    const followed = Boolean(view.visualViewport);
    if (!kept) fitBesideText(area);
    panel.classList.remove('placing');
    // The visual viewport's first reading (see followVisualViewport), written after every read.
    if (followed) showVisibleArea(host, area);
  };
  /** Opens it beside the text, narrowed if need be, or folds it to the tab, lifted clear of the text in view. */
  const fitBesideText = (area: VisibleArea): void => {
    const text = article?.isConnected ? readingTextBoxes(article) : [];
    // Its full width, as it was laid out (open) in the frame that added it.
    const openWidth = startAsTab ? 0 : panel.getBoundingClientRect().width;
    const width = startAsTab ? null : widthBeside(area, text, openWidth);
    if (width !== null) {
      if (width < openWidth) setPx(host, 'width', width);
    } else {
      setExpanded(false);
      // The tab's own size: only the panel's subtree needs laying out again, not the page.
      const tab = panel.getBoundingClientRect();
      const lift = tabLift(area, text, tab);
      if (lift > 0) {
        setPx(host, 'lift', lift);
        setPx(host, 'tab-height', Math.ceil(tab.height));
      }
    }
  };
  let timer = 0;
  const frame = view.requestAnimationFrame(() => {
    timer = view.setTimeout(place, 0);
  });
  signal.addEventListener('abort', () => {
    view.cancelAnimationFrame(frame);
    view.clearTimeout(timer);
  });
  return {
    keep() {
      kept = true;
    },
  };
}

/** Drops a tab's lift: the reader opened it, and the open panel belongs at the bottom right. */
export function unlift(host: HTMLElement): void {
  host.style.removeProperty('--backstory-lift');
  host.style.removeProperty('--backstory-tab-height');
}
