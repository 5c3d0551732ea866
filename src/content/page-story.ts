/**
 * The parts of the story the in-page UI shows. Named imports let esbuild leave the quotes (shown
 * by the popup) out of the content script, which has a 30 KB budget.
 */
import type { Entity, Story } from '../shared/story';
import { earlier, entities, headline, keyPoints, reported, summary } from '../story/story.json';

/** Headline, date, summary, key points, the earlier US ban and the entities to mark. */
export const pageStory: Pick<Story, 'headline' | 'reported' | 'summary' | 'keyPoints' | 'earlier' | 'entities'> = {
  headline,
  reported,
  summary,
  keyPoints,
  earlier,
  entities: entities as Entity[],
};
