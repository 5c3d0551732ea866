/** The popup's line about a page the full stage classified. */
import type { PageStatus } from '../shared/messages';
import { t } from '../shared/i18n';
import { describeMentions } from '../shared/topics';

/** Words for the status the full stage gave, and whether the page is about the story. */
export function describeStatus(status: PageStatus): { text: string; matched: boolean } {
  const { verdict } = status;
  if (verdict.topics.length === 0) return { text: t('notAbout'), matched: false };
  return { text: describeMentions(verdict), matched: true };
}
