import { afterEach, describe, expect, it, vi } from 'vitest';
import { openIfAsked, renderSources, showSources, type SessionArea } from '../../../src/popup/sources-view';
import { SECTION_KEY, sectionRequest } from '../../../src/shared/popup-section';
import { story } from '../../../src/shared/story';

/** popup.html's sources section, as the page has it before the script runs. */
function section(): HTMLElement {
  document.body.innerHTML = `<main><section id="sources" aria-labelledby="sources-heading">
    <h2 id="sources-heading" tabindex="-1">Sources</h2><p class="sources-from"></p><p>How</p>
    <h3>Points</h3><ol class="sources-points"></ol></section></main>`;
  return document.getElementById('sources')!;
}

/** A storage.session holding `items`. */
function session(items: Record<string, unknown>): SessionArea & { items: Record<string, unknown> } {
  return {
    items,
    get: vi.fn(async (key: string) => (key in items ? { [key]: items[key] } : {})),
    remove: vi.fn(async (key: string) => void delete items[key]),
  };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('renderSources', () => {
  it('says what the context is drawn from: one article, its date, and what it cites', () => {
    const el = section();
    renderSources(el, story);
    expect(el.querySelector('.sources-from')!.textContent).toBe(
      `Backstory’s context is drawn from one news article, reported on 5 December 2017. ${story.source.text}`,
    );
    expect(el.querySelector('.sources-from')!.textContent).toContain('Reuters');
  });

  it('lists each key point with a collapsed button for the article’s words behind it', () => {
    const el = section();
    renderSources(el, story);
    const items = Array.from(el.querySelectorAll('.sources-points > li'));
    expect(items).toHaveLength(story.keyPoints.length);
    items.forEach((li, i) => {
      const point = li.querySelector('.point')!;
      const button = li.querySelector('button')!;
      const words = li.querySelector<HTMLElement>('.evidence')!;
      expect(point.textContent).toBe(story.keyPoints[i]!.text);
      expect(button.textContent).toBe('What the article says');
      expect(button.getAttribute('type')).toBe('button');
      expect(button.getAttribute('aria-expanded')).toBe('false');
      expect(button.getAttribute('aria-controls')).toBe(words.id);
      expect(button.getAttribute('aria-describedby')).toBe(point.id);
      expect(words.hidden).toBe(true);
    });
    expect(new Set(items.map((li) => li.querySelector('.evidence')!.id)).size).toBe(items.length);
  });

  it('shows and hides a key point’s sentences, exactly as story.json has them, as text', () => {
    const el = section();
    renderSources(el, story);
    story.keyPoints.forEach((point, i) => {
      const li = el.querySelectorAll('.sources-points > li')[i]!;
      const button = li.querySelector('button')!;
      const words = li.querySelector<HTMLElement>('.evidence')!;
      button.click();
      expect(button.getAttribute('aria-expanded')).toBe('true');
      expect(words.hidden).toBe(false);
      expect(words.querySelector('.evidence-label')!.textContent).toBe('From the article, reported 5 December 2017:');
      expect(Array.from(words.querySelectorAll('blockquote p'), (p) => p.textContent)).toEqual(point.evidence);
      expect(words.querySelectorAll('blockquote *:not(p)')).toHaveLength(0);
      button.click();
      expect(button.getAttribute('aria-expanded')).toBe('false');
      expect(words.hidden).toBe(true);
    });
  });
});

describe('openIfAsked', () => {
  it('brings the sources into view and focus when the background asked, and uses the request once', async () => {
    const el = section();
    const scroll = vi.fn();
    el.scrollIntoView = scroll;
    const store = session(sectionRequest('sources'));
    expect(await showSources(el, story, store)).toBe(true);
    expect(document.activeElement?.id).toBe('sources-heading');
    expect(scroll).toHaveBeenCalledWith({ block: 'start' });
    expect(store.items).toEqual({});
    expect(await openIfAsked(el, store)).toBe(false);
  });

  it('reveals them again when a popup shown after loading gets focus (Firefox’s toolbar popup)', async () => {
    const el = section();
    const scroll = vi.fn();
    el.scrollIntoView = scroll;
    const hasFocus = vi.spyOn(document, 'hasFocus').mockReturnValue(false);
    try {
      expect(await openIfAsked(el, session(sectionRequest('sources')))).toBe(true);
      (document.activeElement as HTMLElement).blur();
      window.dispatchEvent(new FocusEvent('focus'));
      expect(scroll).toHaveBeenCalledTimes(2);
      expect(document.activeElement?.id).toBe('sources-heading');
      // Only once: later focus (the reader coming back to the popup) leaves it where the reader is.
      window.dispatchEvent(new FocusEvent('focus'));
      expect(scroll).toHaveBeenCalledTimes(2);
    } finally {
      hasFocus.mockRestore();
    }
  });

  it.each<[string, Record<string, unknown>]>([
    ['nothing was asked', {}],
    ['the request is stale', sectionRequest('sources', Date.now() - 60_000)],
    ['the request is malformed', { [SECTION_KEY]: 'sources' }],
  ])('leaves the popup at its top when %s', async (_name, items) => {
    const el = section();
    el.scrollIntoView = vi.fn();
    expect(await openIfAsked(el, session(items))).toBe(false);
    expect(document.activeElement).toBe(document.body);
    expect(el.scrollIntoView).not.toHaveBeenCalled();
  });

  it('opens at the top when storage.session fails', async () => {
    const el = section();
    const failing: SessionArea = { get: () => Promise.reject(new Error('no storage.session')), remove: () => Promise.resolve() };
    expect(await openIfAsked(el, failing)).toBe(false);
  });
});
