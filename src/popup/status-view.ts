/** The popup's line about the current tab: what the page is about, or why Backstory can't tell. */
import { parsePageStatus, type PageStatus } from '../shared/messages';
import { t } from '../shared/i18n';
import { describeMentions } from '../shared/topics';

/** Words for a page status; `null` means the content script could not be reached. */
export function describeStatus(status: PageStatus | null): { text: string; matched: boolean } {
  if (!status) {
    return {
      text: t('popupCannotRead'),
      matched: false,
    };
  }
  const { verdict } = status;
  if (verdict.topics.length === 0) return { text: t('notAbout'), matched: false };
  return { text: describeMentions(verdict), matched: true };
}

/**
 * Asks the tab's content script for its verdict; resolves null when there is none to ask. A page
 * still loading has no content script yet (it runs at document_idle), so a refusal is retried a
 * few times before the popup says it can't read the page.
 */
export async function fetchStatus(ask: () => Promise<unknown>, attempts = 6, delayMs = 250): Promise<PageStatus | null> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return parsePageStatus(await ask());
    } catch {
      if (attempt >= attempts) return null;
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
}
