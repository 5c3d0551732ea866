/** The toolbar badge and tooltip of one tab: set from a page's verdict, cleared on navigation. */
import browser from 'webextension-polyfill';
import type { PageVerdict } from '../shared/messages';
import { t, tCount } from '../shared/i18n';

/** The tooltip of a tab whose page is not about the story. */
export const defaultTitle = (): string => t('actionTitle');
const BADGE_COLOUR = '#1a4f9c';

/** Badge text for a verdict: "K" for Kaspersky, "N" for the NCSC, "K+N" for both, "" for neither. */
export function badgeText(verdict: PageVerdict): string {
  return verdict.topics.map((topic) => (topic === 'kaspersky' ? t('badgeKaspersky') : t('badgeNcsc'))).join('+');
}

/** Tooltip for a verdict, naming what matched and how often. */
export function badgeTitle(verdict: PageVerdict): string {
  if (verdict.topics.length === 0) return defaultTitle();
  const about = verdict.topics.map((topic) => {
    const name = topic === 'kaspersky' ? t('topicKasperskyLong') : t('topicNcscLong');
    const n = verdict.mentions[topic];
    return n === 1 ? t('badgeTopicCountOne', name) : tCount('badgeTopicCountMany', n, name);
  });
  return about.length === 1 ? t('badgeTitleOne', about[0]!) : t('badgeTitleTwo', about[0]!, about[1]!);
}

/** Shows `verdict` on the badge of tab `tabId`. */
export async function showVerdict(tabId: number, verdict: PageVerdict): Promise<void> {
  await Promise.all([
    browser.action.setBadgeText({ tabId, text: badgeText(verdict) }),
    browser.action.setTitle({ tabId, title: badgeTitle(verdict) }),
    browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOUR }),
  ]);
}

/** Clears tab `tabId`'s badge and tooltip. */
export async function clearVerdict(tabId: number): Promise<void> {
  await Promise.all([browser.action.setBadgeText({ tabId, text: '' }), browser.action.setTitle({ tabId, title: defaultTitle() })]);
}
