// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { forgetSeenStories, isSeenRecord, seenKey } from '../../../src/shared/seen-story';
import { story } from '../../../src/shared/story';

describe('the record that the reader has seen a story', () => {
  it("is kept under the story's id", () => {
    expect(story.id).toBe('ncsc-russian-antivirus-2017');
    expect(seenKey(story.id)).toBe('seenStory:ncsc-russian-antivirus-2017');
    expect(seenKey('another-story')).not.toBe(seenKey(story.id));
  });

  it.each([
    [1_765_000_000_000, true],
    [1, true],
    [0, false],
    [-5, false],
    [Number.NaN, false],
    [Number.POSITIVE_INFINITY, false],
    ['1765000000000', false],
    [true, false],
    [null, false],
    [undefined, false],
    [{ at: 1 }, false],
  ])('%j read from storage counts as seen: %s', (value, seen) => {
    expect(isSeenRecord(value)).toBe(seen);
  });

  it('forgetting removes every story’s record and nothing else', async () => {
    const stored: Record<string, unknown> = { [seenKey(story.id)]: 1, [seenKey('older')]: 2, other: 3 };
    const area = {
      get: async () => ({ ...stored }),
      remove: async (keys: string[]) => {
        for (const key of keys) delete stored[key];
      },
    };
    await forgetSeenStories(area);
    expect(stored).toEqual({ other: 3 });
  });
});
