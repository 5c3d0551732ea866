/**
 * What the in-page UI needs of the story besides its words (which are messages, see
 * shared/story-messages.ts): the earlier year, how many summary sentences and key points there
 * are, and the entities to mark. The build hands the full stage a copy of
 * story.json without the prose or the quotes, which keeps its bundle small.
 */
import type { MarkedEntity } from '../../shared/story';
import { earlier, entities, keyPoints, summary } from '../../story/story.json';

export const pageStory = {
  earlierYear: earlier.year,
  summaryCount: summary.length,
  pointCount: keyPoints.length,
  // The build already left only id and aliases in each entity.
  entities: entities as MarkedEntity[],
};
