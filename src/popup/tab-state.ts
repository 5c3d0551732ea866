/**
 * What the popup can truthfully say about a tab. The full stage answers for itself; where it is
 * not running, the popup reads what the first stage left in the page (scripting.executeScript into
 * the extension's isolated world), so "not about the story" is only said where the first stage
 * really looked, and a page where nothing of this build ran is told apart from one it dismissed.
 */
import { parsePageStatus, type PageStatus } from '../shared/messages';
import { parseFirstStageState } from '../shared/first-stage-state';
import { webPageUrl } from '../shared/web-page';
import { checkAccess, type Access, type PermissionsApi } from './site-access';

export type TabState =
  /** The full stage answered: its verdict and the page's site. */
  | { kind: 'classified'; status: PageStatus }
  /** The first stage looked and found no mention of either topic. */
  | { kind: 'dismissed'; site: string | null }
  /** The first stage found a possible mention and asked for the full stage, which has not answered yet. */
  | { kind: 'starting' }
  /** Nothing of this build ran in the page: it was opened before Backstory was installed or updated, or is still loading. */
  | { kind: 'notRun'; loading: boolean }
  /** A page no extension may run in: the browser's own pages and the add-on stores. */
  | { kind: 'cannotRun' }
  /** The reader has not let Backstory read this site. */
  | { kind: 'withheld'; access: Extract<Access, { kind: 'withheld' }> };

/** The browser calls the popup makes about one tab (a fake in the unit tests). */
export interface TabApis {
  /** Asks the full stage for the page's status (rejects where none listens). */
  askFullStage(): Promise<unknown>;
  /** Returns what the first stage left in the page (rejects where the extension may not run script). */
  probeFirstStage(): Promise<unknown>;
  /** The tab's address and whether it is still loading; the address is undefined where the browser does not say. */
  tab(): Promise<{ url: string | undefined; loading: boolean }>;
  permissions: PermissionsApi;
}

/** Works out the tab's state, asking the full stage first and the first stage's leavings second. */
export async function readTabState(apis: TabApis, build: string): Promise<TabState> {
  const status = await apis.askFullStage().then(parsePageStatus, () => null);
  if (status) return { kind: 'classified', status };
  const { url, loading } = await apis.tab();
  const access = await checkAccess(apis.permissions, url);
  if (access.kind === 'never') return { kind: 'cannotRun' };
  if (access.kind === 'withheld') return { kind: 'withheld', access };
  let left: unknown;
  try {
    left = await apis.probeFirstStage();
  } catch {
    // Mid-navigation the browser refuses script into a document that is going away: ask again.
    if (loading) return { kind: 'notRun', loading };
    // Allowed on the site, yet the browser refuses: a page it keeps from every extension (an add-on store).
    return { kind: 'cannotRun' };
  }
  const state = parseFirstStageState(left, build);
  if (!state) return { kind: 'notRun', loading };
  return state.candidate ? { kind: 'starting' } : { kind: 'dismissed', site: webPageUrl(url)?.hostname ?? null };
}

/** Whether the popup should ask again in a moment: the full stage is on its way, or the page is still loading. */
export function isPending(state: TabState): boolean {
  return state.kind === 'starting' || (state.kind === 'notRun' && state.loading);
}
