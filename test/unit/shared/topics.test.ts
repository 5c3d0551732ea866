// @vitest-environment node
import { describe, expect, test } from 'vitest';
import { t } from '../../../src/shared/i18n';
import { describeMentions, topicName, TOPICS, type Topic } from '../../../src/shared/topics';

const verdict = (topics: Topic[], kaspersky: number, ncsc: number) => ({ topics, mentions: { kaspersky, ncsc } });

describe('describeMentions', () => {
  test.each([
    [verdict(['kaspersky'], 7, 0), 'This page mentions Kaspersky 7 times.'],
    [verdict(['kaspersky'], 1, 0), 'This page mentions Kaspersky once.'],
    [verdict(['kaspersky'], 2, 0), 'This page mentions Kaspersky twice.'],
    [verdict(['ncsc'], 0, 3), 'This page mentions the NCSC 3 times.'],
    [verdict(['ncsc'], 5, 1), 'This page mentions the NCSC once.'],
    [verdict(['kaspersky', 'ncsc'], 7, 2), 'This page mentions Kaspersky 7 times and the NCSC twice.'],
    [verdict(['kaspersky', 'ncsc'], 1, 12), 'This page mentions Kaspersky once and the NCSC 12 times.'],
    [verdict([], 0, 0), 'This page is not about this story.'],
    [verdict([], 2, 1), 'This page is not about this story.'],
  ])('%j → %s', (v, text) => {
    expect(describeMentions(v)).toBe(text);
  });
});

describe('topic names', () => {
  test('lists Kaspersky then the NCSC, and names the UK body with the British spelling', () => {
    expect(TOPICS).toEqual(['kaspersky', 'ncsc']);
    expect(t('topicNcscLong')).toContain('National Cyber Security Centre');
    expect(topicName('ncsc')).toBe('the NCSC');
    expect(topicName('kaspersky')).toBe('Kaspersky');
  });
});
