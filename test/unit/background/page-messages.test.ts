// The full stage's words come from the background's table (see useMessages): the table must hold
// every word the full stage shows (tPage's key type is the table's list, so the compiler checks
// each call; this checks a whole run) and give, placeholders filled, what the browser would.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pageMessages } from '../../../src/background/page-messages';
import { createMentionCard } from '../../../src/content/marks/mention-card';
import { runPage } from '../../../src/content/full-stage/page-run';
import { NUMBER_SAMPLE_KEYS, t, useMessages, type MessageKey } from '../../../src/shared/i18n';
import { PAGE_UI_KEYS } from '../../../src/shared/page-words';
import { fakeLayout } from '../helpers/fake-layout';
import { getMessage } from '../helpers/i18n-setup';
import { userClick } from '../helpers/user-input';

/** The browser's i18n API as the unit setup gives it (test/unit/helpers/i18n-setup.ts). */
const i18nApi = (globalThis as unknown as { chrome: { i18n: { getMessage: typeof getMessage } } }).chrome.i18n;

afterEach(() => {
  useMessages({});
  document.body.replaceChildren();
});

describe("the full stage's words", () => {
  it("is all the full stage asks for: a run over a page about both topics, its marks, card and panel controls never reach the browser's i18n API", async () => {
    useMessages(pageMessages());
    const getMessage = vi.spyOn(i18nApi, 'getMessage');
    document.body.innerHTML = `<article><h1>Kaspersky and the NCSC</h1><p>Kaspersky said the National Cyber Security Centre in London,
      led by Ciaran Martin, was wrong. GCHQ and Eugene Kaspersky disagreed. Kaspersky again, and the NCSC again.</p></article>`;
    const run = runPage(document, 'https://news.example.co.uk/kaspersky-ncsc', { onOpenPopup: () => undefined });
    await run.annotator!.idle();
    const shadow = document.querySelector('backstory-panel')!.shadowRoot!;
    fakeLayout();
    userClick(shadow.querySelector('.next')!);
    userClick(shadow.querySelector('.prev')!);
    userClick(shadow.querySelector('.collapse')!);
    userClick(shadow.querySelector('.collapse')!);
    const card = createMentionCard(document, () => undefined, new AbortController().signal, 'month');
    card.show(run.annotator!.mentions()[0]!);
    // The page said something in each of these places: the test would pass vacuously on an empty panel.
    expect(run.verdict.topics).toEqual(['kaspersky', 'ncsc']);
    expect(shadow.querySelector('.said')!.textContent).toMatch(/^Mention \d+ of \d+: /);
    expect(document.querySelector('backstory-card')!.shadowRoot!.textContent).toContain('December 2017');
    expect(getMessage).not.toHaveBeenCalled();
    run.stop();
    card.destroy();
    getMessage.mockRestore();
  });

  it('gives each message as the browser would, with every placeholder filled', () => {
    const messages = pageMessages();
    const keys = Object.keys(messages);
    // The UI keys and all the story's words (headline, summary, points, earlier, entities, dates).
    expect(keys).toEqual(expect.arrayContaining([...PAGE_UI_KEYS, 'storyHeadline', 'storyMonth', 'storyDay', 'entity_ncsc_part']));
    useMessages(messages);
    // 1000 and 10000 as the language writes them (formatted by Intl in the background, not messages).
    const samples: string[] = Object.values(NUMBER_SAMPLE_KEYS);
    expect(samples.map((key) => messages[key])).toEqual(['1,000', '10,000']);
    for (const key of keys.filter((k) => !samples.includes(k))) {
      const subs = ['3', '7', 'Kaspersky Lab, the Russian antivirus company'];
      expect(t(key as MessageKey, ...subs), key).toBe(getMessage(key, subs));
    }
    expect(t('mentionAnnounce', 2, 9, 'NCSC')).toBe('Mention 2 of 9: NCSC');
  });
});
