// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createStoryHistory } from '../../../../src/content/full-stage/story-history';

describe('createStoryHistory', () => {
  it("takes the background's word, decided once per page", () => {
    const history = createStoryHistory();
    history.learn(true);
    expect(history.seenBefore('https://a.example/1')).toBe(true);
  });

  it('keeps the page where the reader first sees the story open, and the next page of the document starts as the tab', () => {
    const history = createStoryHistory();
    history.learn(false);
    expect(history.seenBefore('https://a.example/1')).toBe(false);
    expect(history.see()).toBe(true);
    // The same page again (a settings change re-runs it), even once the background knows.
    history.learn(true);
    expect(history.seenBefore('https://a.example/1')).toBe(false);
    // A single-page app's next article.
    expect(history.seenBefore('https://a.example/2')).toBe(true);
  });

  it('asks to tell the background only once, and not at all where it already knows', () => {
    const fresh = createStoryHistory();
    expect(fresh.see()).toBe(true);
    expect(fresh.see()).toBe(false);
    const known = createStoryHistory();
    known.learn(true);
    expect(known.see()).toBe(false);
  });

  it('an unseen word from the background does not undo a sighting', () => {
    const history = createStoryHistory();
    history.see();
    history.learn(false);
    expect(history.seenBefore('https://a.example/2')).toBe(true);
  });
});
