/** The toolbar badge and tooltip of one tab: set from a page's verdict, cleared on navigation. */
import browser from 'webextension-polyfill';
import type { PageVerdict } from '../shared/messages';
import { TOPIC_NAMES } from '../shared/topics';

/** The tooltip of a tab whose page is not about the story. */
export const DEFAULT_TITLE = 'Backstory: the December 2017 NCSC advice on Russian antivirus';
const BADGE_COLOUR = '#1a4f9c';

/** Badge text for a verdict: "K" for Kaspersky, "N" for the NCSC, "K+N" for both, "" for neither. */
export function badgeText(verdict: PageVerdict): string {
  return verdict.topics.map((t) => (t === 'kaspersky' ? 'K' : 'N')).join('+');
}

/** Tooltip for a verdict, naming what matched and how often. */
export function badgeTitle(verdict: PageVerdict): string {
  if (verdict.topics.length === 0) return DEFAULT_TITLE;
  const about = verdict.topics
    .map((t) => `${TOPIC_NAMES[t]} (${verdict.mentions[t]} mention${verdict.mentions[t] === 1 ? '' : 's'})`)
    .join(' and ');
  return `Backstory: this page is about ${about}. Click for the December 2017 story.`;
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
  await Promise.all([
    browser.action.setBadgeText({ tabId, text: '' }),
    browser.action.setTitle({ tabId, title: DEFAULT_TITLE }),
  ]);
}
