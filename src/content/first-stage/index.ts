/**
 * The first stage: the one script the manifest puts into every web page, under 2 KB
 * minified. It takes the page's first look and, only when the page could be about the story, asks
 * the background to inject the full stage (content/full-stage/). Everywhere else it touches no extension
 * API, sends nothing, and listens for nothing but a single-page app's move to a new address.
 */
import { FIRST_STAGE_KEY, type FirstStageState } from '../../shared/first-stage-state';
import type { ToBackground } from '../../shared/messages';
import { isHtmlPage, mayBeAboutPage } from '../first-look';
import { watchAddress } from '../watch-navigation';

/** After a single-page app moves to a new address, its new article is looked at after each of these delays: it may render late. */
const LOOK_AGAIN_MS = [500, 2_000];

type Runtime = { sendMessage(message: unknown): Promise<unknown> };
const scope = globalThis as typeof globalThis & { [FIRST_STAGE_KEY]?: FirstStageState; browser?: { runtime: Runtime }; chrome?: { runtime: Runtime } };

/**
 * Asks the background for the full stage. A refusal means the extension was reloaded or removed
 * under the page. The message is checked against the map by the compiler (a type import: nothing of
 * messages.ts is bundled).
 */
function startFullStage(): void {
  (scope.browser ?? scope.chrome)!.runtime.sendMessage({ type: 'startFullStage' } satisfies ToBackground['startFullStage']['request']).catch(() => undefined);
}

/** Calls `look` after each of LOOK_AGAIN_MS once the page's address changes without a new document. */
function lookAfterMoves(look: () => void, signal: AbortSignal): void {
  // Timers left when the signal aborts find the page a candidate already, and do nothing.
  let timers: ReturnType<typeof setTimeout>[] = [];
  // Without the Navigation API (Firefox before 147) a script cannot see the page's pushState, but
  // an app that shows a new article almost always changes the title: watch <head>, not the body.
  watchAddress(
    window,
    (moved) => {
      if (!moved) return;
      timers.forEach(clearTimeout);
      timers = LOOK_AGAIN_MS.map((ms) => setTimeout(look, ms));
    },
    signal,
    'navigation' in window ? null : document.head,
  );
}

// A second injection into the same page (the extension reloaded by hand) finds the state and stops.
if (!scope[FIRST_STAGE_KEY]) {
  const state: FirstStageState = { build: __BACKSTORY_BUILD__, candidate: false };
  scope[FIRST_STAGE_KEY] = state;
  const controller = new AbortController();
  const look = (): void => {
    if (state.candidate || !mayBeAboutPage(document, location.href)) return;
    // From here on the full stage follows the page, navigation included.
    state.candidate = true;
    controller.abort();
    startFullStage();
  };
  if (isHtmlPage(document)) {
    look();
    if (!state.candidate) lookAfterMoves(look, controller.signal);
  }
}
