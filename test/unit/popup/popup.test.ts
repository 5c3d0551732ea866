import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({
  default: {
    runtime: { id: 'test-id', sendMessage: vi.fn(), onMessage: { addListener: vi.fn(), removeListener: vi.fn() } },
    tabs: { sendMessage: vi.fn() },
  },
}));

import { renderQuotes } from '../../../src/popup/quotes-view';
import { describeStatus } from '../../../src/popup/status-view';
import { quoteWithAttribution } from '../../../src/popup/quote-view';
import { story } from '../../../src/shared/story';

function setup(copy: (doc: Document, text: string) => Promise<boolean>): { list: HTMLElement; announcer: HTMLElement } {
  document.body.innerHTML = '<ul id="quotes"></ul><p id="copy-status" role="status"></p>';
  const list = document.getElementById('quotes')!;
  const announcer = document.getElementById('copy-status')!;
  renderQuotes(list, announcer, story.quotes, copy);
  return { list, announcer };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('renderQuotes', () => {
  it('renders one item per quote with speaker, role, kind, source and date', () => {
    const { list } = setup(vi.fn(() => Promise.resolve(true)));
    const items = Array.from(list.querySelectorAll(':scope > li'));
    expect(items).toHaveLength(story.quotes.length);
    story.quotes.forEach((quote, i) => {
      const item = items[i]!;
      expect(item.querySelector('.speaker')?.textContent).toBe(quote.speaker);
      const meta = item.querySelector('.quote-meta')!.textContent ?? '';
      expect(meta).toContain(quote.speakerRole);
      expect(meta).toContain(quote.source);
      expect(item.querySelector('time')?.textContent).toBe('5 December 2017');
      expect(item.querySelector('time')?.getAttribute('datetime')).toBe('2017-12-05');
      const kind = item.querySelector('.quote-kind')!.textContent ?? '';
      if (quote.kind === 'direct') expect(kind).toBe('Direct quote');
      else expect(kind).toMatch(/^Reported speech\b/);
    });
  });

  it('shows direct quotes exactly as the story text inside curly quotes, reported ones without', () => {
    const { list } = setup(vi.fn(() => Promise.resolve(true)));
    for (const quote of story.quotes) {
      const item = list.querySelector(`[data-quote-id="${quote.id}"]`)!;
      const words = item.querySelector('.quote-text')!.textContent;
      if (quote.kind === 'direct') {
        expect(item.querySelector('blockquote')).not.toBeNull();
        expect(words).toBe(`“${quote.text}”`);
      } else {
        expect(item.querySelector('blockquote')).toBeNull();
        expect(words).toBe(quote.text);
      }
    }
  });

  it('copies the quote with its attribution and announces it', async () => {
    const copy = vi.fn((_doc: Document, _text: string) => Promise.resolve(true));
    const { list, announcer } = setup(copy);
    const quote = story.quotes[0]!;
    const button = list.querySelector<HTMLButtonElement>(`[data-quote-id="${quote.id}"] button.copy`)!;
    expect(button.getAttribute('aria-label')).toContain(quote.speaker);
    button.click();
    await vi.waitFor(() => expect(announcer.textContent).toMatch(/^Copied /));
    expect(copy).toHaveBeenCalledTimes(1);
    expect(copy).toHaveBeenCalledWith(document, quoteWithAttribution(quote));
    const copied = copy.mock.calls[0]![1];
    expect(copied).toContain(quote.text);
    expect(copied).toContain(quote.speaker);
    expect(copied).toContain('5 December 2017');
    expect(announcer.textContent).toContain(quote.speaker);
    expect(button.textContent).toBe('Copied');
  });

  it('marks a copied reported quote as reported speech', () => {
    const reported = story.quotes.find((q) => q.kind === 'reported')!;
    const direct = story.quotes.find((q) => q.kind === 'direct')!;
    expect(quoteWithAttribution(reported)).toContain('(reported speech)');
    expect(quoteWithAttribution(direct)).toContain(`“${direct.text}”`);
    expect(quoteWithAttribution(direct)).not.toContain('reported speech');
  });

  it('announces the Ctrl+C advice when copying fails', async () => {
    const { list, announcer } = setup(vi.fn(() => Promise.resolve(false)));
    const button = list.querySelector<HTMLButtonElement>('button.copy')!;
    button.click();
    await vi.waitFor(() => expect(announcer.textContent).toContain('Ctrl+C'));
    expect(announcer.textContent).not.toMatch(/^Copied/);
    expect(button.textContent).toBe('Copy failed');
  });
});

describe('describeStatus', () => {
  it('says a not-relevant page is not about the story', () => {
    const status = { state: 'classified' as const, verdict: { topics: [], mentions: { kaspersky: 1, ncsc: 0 }, confidence: 0.85 }, site: 'news.example.com' };
    expect(describeStatus(status)).toEqual({ text: 'This page is not about this story.', matched: false });
  });

  it('gives the mentions line for a relevant page', () => {
    const status = {
      state: 'classified' as const,
      verdict: { topics: ['ncsc' as const], mentions: { kaspersky: 0, ncsc: 4 }, confidence: 0.9 },
      site: 'news.example.com',
    };
    expect(describeStatus(status)).toEqual({ text: 'This page mentions the NCSC 4 times.', matched: true });
  });
});
