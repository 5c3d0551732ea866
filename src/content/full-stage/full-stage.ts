/**
 * The full stage's life in one page: read the reader's settings and this page's state, run the
 * extension over the article, tell the background, answer the popup, and start again when the
 * settings change or a single-page app swaps the article. `stop()` undoes all.
 */
import { parsePageSetup, parseToPage, warnIgnored, type PageSetup, type PageStatus, type PageVerdict, type ToBackground } from '../../shared/messages';
import { FIRST_STAGE_KEY, parseFirstStageState } from '../../shared/first-stage-state';
import { useMessages } from '../../shared/i18n';
import { isBlocked, parseSettings, type Settings } from '../../shared/settings';
import { neither } from '../../shared/topics';
import { classifyDocument, toPageVerdict, type Classified } from './classify-page';
import { runPage, type PageRun } from './page-run';
import { createStoryHistory } from './story-history';
import { onRuntimeMessage, runtimeId, sendToBackground } from './runtime';
import { pageKey } from '../../shared/web-page';
import { watchNavigation } from '../watch-navigation';

export interface FullStage {
  /** The verdict for the article shown now. */
  verdict(): PageVerdict;
  /** Resolves once the first run has happened (settings read, page classified). */
  ready: Promise<void>;
  stop(): void;
}

/** Tells the background; a rejection means the extension was reloaded under this page: nothing to do then. */
function tell<K extends 'pageClassified' | 'panelDismissed' | 'panelReopened' | 'storySeen' | 'openPopup'>(message: ToBackground[K]['request']): void {
  sendToBackground<K>(message).catch(() => undefined);
}

/** The background's answer for this page, or null (it may be restarting, or the extension was reloaded). */
async function askSetup(): Promise<PageSetup | null> {
  try {
    return parsePageSetup(await sendToBackground<'getPageSetup'>({ type: 'getPageSetup' }));
  } catch {
    return null;
  }
}

/** Whether this build's first stage, in this page's isolated world, passed the page's first look. */
function firstStagePassed(): boolean {
  return parseFirstStageState((globalThis as Record<string, unknown>)[FIRST_STAGE_KEY], __BACKSTORY_BUILD__)?.candidate === true;
}

/** Runs the full stage on `doc`. */
export function runFullStage(doc: Document, win: Window): FullStage {
  const controller = new AbortController();
  let run: PageRun | null = null;
  let verdict: PageVerdict = toPageVerdict(neither());
  let settings: Settings = parseSettings({});
  /** Whether the background answered: without its answer the page may be one the reader turned off. */
  let answered = false;
  /** The page on which the reader closed the panel (it stays closed there for the session). */
  let dismissedPage: string | null = null;
  const history = createStoryHistory();
  /** The page as classified while the setup was on its way (see below), for the first run at that address. */
  let early: { url: string; classified: Classified } | null = null;

  /** Tells the background what the badge should say: nothing where the reader turned the site off. */
  const report = (): void => {
    tell<'pageClassified'>({ type: 'pageClassified', verdict: isBlocked(settings, win.location.hostname) ? { ...verdict, topics: [] } : verdict });
  };

  const start = (): void => {
    run?.stop();
    const hidden = !answered || isBlocked(settings, win.location.hostname) || dismissedPage === pageKey(win.location);
    run = runPage(doc, win.location.href, {
      settings,
      hidden,
      seenBefore: history.seenBefore(pageKey(win.location)),
      onSeen: () => history.see() && tell<'storySeen'>({ type: 'storySeen' }),
      classified: early?.url === win.location.href ? early.classified : undefined,
      onOpenPopup: (section) => tell<'openPopup'>({ type: 'openPopup', section }),
      onDismiss: () => {
        dismissedPage = pageKey(win.location);
        tell<'panelDismissed'>({ type: 'panelDismissed' });
      },
    });
    early = null;
    verdict = toPageVerdict(run.verdict);
    report();
  };

  /**
   * The keyboard shortcut: opens the tab to the full panel or folds the open panel; where the
   * reader closed it on this page, shows it again. Nothing where no panel may show (not about the
   * story, a site turned off, no answer from the background).
   */
  const togglePanel = (): void => {
    const page = pageKey(win.location);
    if (dismissedPage !== page) {
      run?.panel?.toggle();
      return;
    }
    dismissedPage = null;
    start();
    if (!run?.panel) {
      dismissedPage = page;
      return;
    }
    run.panel.show();
    tell<'panelReopened'>({ type: 'panelReopened' });
  };

  /**
   * Takes the page's setup from the background: the reader's settings, the words to show, whether
   * the panel was closed on this page and whether the reader has seen the story. Without an answer
   * (the extension was reloaded under the page, or its background failed) the page is still
   * classified for the popup, but nothing is shown: it may be a site the reader turned off.
   */
  const setUp = async (): Promise<void> => {
    const setup = await askSetup();
    answered = setup !== null;
    if (setup) {
      settings = setup.settings;
      useMessages(setup.messages);
      if (setup.dismissed) dismissedPage = pageKey(win.location);
      history.learn(setup.seen);
    }
  };

  /** Runs, unless the full stage was stopped meanwhile. */
  const startIfLive = (): void => {
    if (!controller.signal.aborted) start();
  };

  const ready = setUp().then(startIfLive);
  // Where the first stage passed the first look (it stops looking once it passes, so this is the
  // document it asked for us on), the page is classified now, while the setup is on its way, and
  // without reading the first look again. Any later run, or a first run at another address,
  // classifies afresh, first look first.
  if (firstStagePassed()) early = { url: win.location.href, classified: classifyDocument(doc, win.location.href, { firstLookPassed: true }) };

  /** Runs again (after the first run, and not once stopped). */
  const restart = (): void => void ready.then(startIfLive);

  const removeListener = onRuntimeMessage((message, sender): Promise<PageStatus> | undefined => {
    if (sender.id !== runtimeId()) {
      warnIgnored('content', 'it came from outside the extension');
      return undefined;
    }
    const parsed = parseToPage(message);
    switch (parsed?.type) {
      case 'getPageStatus':
        return ready.then(() => ({ state: 'classified', verdict, site: win.location.hostname }));
      case 'settingsChanged':
        // Settings changed (in the options page, the popup or on another device): apply them now, no reload.
        void ready.then(setUp).then(startIfLive);
        return undefined;
      case 'togglePanel':
        void ready.then(() => controller.signal.aborted || togglePanel());
        return undefined;
      default:
        warnIgnored('content', 'unknown or malformed message');
        return undefined;
    }
  });

  // A page restored from the back/forward cache keeps its full stage but lost its badge.
  win.addEventListener('pageshow', (event) => event.persisted && report(), { signal: controller.signal });

  // A new article in a single-page app, or the article element replaced by a re-render.
  const navigation = watchNavigation(win, restart, () => run !== null && run.root !== null && !run.root.isConnected);

  controller.signal.addEventListener('abort', () => {
    removeListener();
    navigation.stop();
    run?.stop();
  });
  return { verdict: () => verdict, ready, stop: () => controller.abort() };
}
