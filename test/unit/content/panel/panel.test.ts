import { afterEach, describe, expect, it, vi } from 'vitest';
import { mountPanel, PANEL_TAG } from '../../../../src/content/panel/panel';
import { SEEN_AFTER_MS } from '../../../../src/content/panel/seen-watch';
import type { PageVerdict } from '../../../../src/shared/messages';
import { story } from '../../../../src/shared/story';
import { userClick, userKey } from '../../helpers/user-input';

const dates = { month: 'December 2017', day: '5 December 2017' };
const verdict: PageVerdict = { topics: ['kaspersky'], mentions: { kaspersky: 7, ncsc: 0 }, confidence: 0.9 };

function shadowOf(): ShadowRoot {
  const hosts = document.querySelectorAll(PANEL_TAG);
  expect(hosts).toHaveLength(1);
  const shadow = hosts[0]!.shadowRoot;
  if (!shadow) throw new Error('the panel has no open shadow root');
  return shadow;
}

const text = (el: Element | ShadowRoot | null | undefined): string => (el?.textContent ?? '').replace(/\s+/g, ' ');

afterEach(() => {
  document.body.innerHTML = '';
  document.title = '';
});

describe('mountPanel', () => {
  it('creates one backstory-panel with the story in an open shadow root', () => {
    mountPanel(document, verdict, { dates });
    expect(PANEL_TAG).toBe('backstory-panel');
    const shadow = shadowOf();
    expect(text(shadow.querySelector('header'))).toContain('December 2017');
    expect(text(shadow.querySelector('h2'))).toBe(story.headline.text);
    const all = text(shadow);
    for (const sentence of story.summary) expect(all).toContain(sentence.text);
    const points = Array.from(shadow.querySelectorAll('.points li'), (li) => li.textContent);
    expect(points).toEqual(story.keyPoints.map((p) => p.text));
    expect(text(shadow.querySelector('.why'))).toBe('This page mentions Kaspersky 7 times.');
  });

  it('is an aside landmark with an aria-label', () => {
    mountPanel(document, verdict, { dates });
    const aside = shadowOf().querySelector('aside');
    expect(aside).not.toBeNull();
    expect(aside!.getAttribute('aria-label')).toMatch(/Backstory.*December 2017/);
  });

  it.each([
    ['quotes', 'button.quotes-button', 'Read the key quotes'],
    ['sources', '.source button', 'Sources'],
  ] as const)('opens the popup at its %s from a button (%s, "%s") that a script\'s click() cannot press', (section, selector, label) => {
    const onOpenPopup = vi.fn();
    mountPanel(document, verdict, { onOpenPopup, dates });
    const button = shadowOf().querySelector<HTMLButtonElement>(selector)!;
    expect(text(button)).toBe(label);
    // click() and dispatchEvent() are what a page's script can do: untrusted, ignored.
    button.click();
    button.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(onOpenPopup).not.toHaveBeenCalled();
    userClick(button);
    expect(onOpenPopup.mock.calls).toEqual([[section]]);
  });

  it('puts the Sources button on its source line', () => {
    mountPanel(document, verdict, { onOpenPopup: vi.fn(), dates });
    expect(text(shadowOf().querySelector('.source'))).toBe('Summarised by Backstory from a news report dated 5 December 2017. Sources');
  });

  it('has no quotes or sources button when nothing can open the popup', () => {
    mountPanel(document, verdict, { dates });
    expect(shadowOf().querySelector('button.quotes-button')).toBeNull();
    expect(shadowOf().querySelector('.source button')).toBeNull();
  });

  it('shows mention controls once mentions are marked, and steps through them', () => {
    const onStep = vi.fn();
    const panel = mountPanel(document, verdict, { onStep, dates });
    const nav = shadowOf().querySelector<HTMLElement>('.mentions')!;
    expect(nav.hidden).toBe(true);
    panel.setMentionCount(7);
    expect(nav.hidden).toBe(false);
    expect(text(nav.querySelector('.count'))).toBe('7 mentions on this page —');
    userClick(nav.querySelector<HTMLButtonElement>('button.next')!);
    userClick(nav.querySelector<HTMLButtonElement>('button.prev')!);
    nav.querySelector<HTMLButtonElement>('button.next')!.click();
    expect(onStep.mock.calls).toEqual([[1], [-1]]);
    panel.announce('Mention 1 of 7: Kaspersky Lab');
    expect(shadowOf().querySelector('.said')?.textContent).toBe('Mention 1 of 7: Kaspersky Lab');
  });

  it('says why it appeared for both topics', () => {
    mountPanel(document, { topics: ['kaspersky', 'ncsc'], mentions: { kaspersky: 1, ncsc: 2 }, confidence: 0.8 }, { dates });
    expect(text(shadowOf().querySelector('.why'))).toBe('This page mentions Kaspersky once and the NCSC twice.');
  });

  it('leaves one panel when mounted twice', () => {
    mountPanel(document, verdict, { dates });
    mountPanel(document, { ...verdict, mentions: { kaspersky: 2, ncsc: 0 } }, { dates });
    expect(text(shadowOf().querySelector('.why'))).toBe('This page mentions Kaspersky twice.');
  });

  it('Hide toggles aria-expanded and hides the body', () => {
    mountPanel(document, verdict, { dates });
    const shadow = shadowOf();
    const hide = shadow.querySelector<HTMLButtonElement>('button.collapse')!;
    const body = shadow.querySelector<HTMLElement>('.body')!;
    expect(hide.getAttribute('aria-expanded')).toBe('true');
    expect(hide.getAttribute('aria-controls')).toBe(body.id);
    expect(body.hidden).toBe(false);
    userClick(hide);
    expect(hide.getAttribute('aria-expanded')).toBe('false');
    expect(body.hidden).toBe(true);
    expect(hide.textContent).toBe('Show');
    userClick(hide);
    expect(hide.getAttribute('aria-expanded')).toBe('true');
    expect(body.hidden).toBe(false);
  });

  it.each([
    ['a large screen, setting "open"', false, false, 'true'],
    ['a large screen, setting "collapsed"', false, true, 'false'],
    ['a small screen, setting "open"', true, false, 'false'],
    ['a small screen, setting "collapsed"', true, true, 'false'],
  ])('on %s it starts with aria-expanded %4$s', (_, small, collapsed, expanded) => {
    window.matchMedia = vi.fn(() => ({ matches: small })) as unknown as typeof window.matchMedia;
    try {
      mountPanel(document, verdict, { dates, collapsed });
    } finally {
      Reflect.deleteProperty(window, 'matchMedia');
    }
    const shadow = shadowOf();
    expect(shadow.querySelector('button.collapse')!.getAttribute('aria-expanded')).toBe(expanded);
    expect(shadow.querySelector('.panel')!.classList.contains('open')).toBe(expanded === 'true');
  });

  it('Escape inside the panel collapses it and focuses the toggle', () => {
    mountPanel(document, verdict, { dates });
    const shadow = shadowOf();
    const hide = shadow.querySelector<HTMLButtonElement>('button.collapse')!;
    const point = shadow.querySelector('.points li')!;
    userKey(point, 'Enter');
    expect(hide.getAttribute('aria-expanded')).toBe('true');
    // A page's synthetic Escape does nothing; the reader's does.
    point.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(hide.getAttribute('aria-expanded')).toBe('true');
    userKey(point, 'Escape');
    expect(hide.getAttribute('aria-expanded')).toBe('false');
    expect(shadow.querySelector<HTMLElement>('.body')!.hidden).toBe(true);
    expect(shadow.activeElement).toBe(hide);
  });

  it('the ✕ button removes the host', () => {
    mountPanel(document, verdict, { dates });
    const dismiss = shadowOf().querySelector<HTMLButtonElement>('button.dismiss')!;
    expect(dismiss.getAttribute('aria-label')).toBeTruthy();
    dismiss.click();
    expect(document.querySelector(PANEL_TAG)).not.toBeNull();
    userClick(dismiss);
    expect(document.querySelector(PANEL_TAG)).toBeNull();
  });

  it('announces its arrival politely, once, even when it starts collapsed', async () => {
    const panel = mountPanel(document, verdict, { dates, collapsed: true });
    const arrived = shadowOf().querySelector('.arrived')!;
    expect(arrived.getAttribute('role')).toBe('status');
    expect(arrived.getAttribute('aria-live')).toBe('polite');
    // Empty when inserted: live regions announce changes, not their first content.
    expect(arrived.textContent).toBe('');
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(arrived.textContent).toBe('Backstory added background from December 2017 to this page.');
    expect(arrived.closest('.body')).toBeNull();
    expect(shadowOf().querySelector('.collapse')!.getAttribute('aria-expanded')).toBe('false');
    // Later changes (mention counts, steps) go elsewhere: the arrival is said once.
    panel.setMentionCount(3);
    panel.announce('Mention 1 of 3: Kaspersky Lab');
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(arrived.textContent).toBe('Backstory added background from December 2017 to this page.');
  });

  it('destroy() removes the host', () => {
    const panel = mountPanel(document, verdict, { dates });
    expect(panel.host.isConnected).toBe(true);
    panel.destroy();
    expect(document.querySelector(PANEL_TAG)).toBeNull();
  });

  it('takes no text from the page', () => {
    document.title = '<img src=x onerror=alert(1)> Kaspersky';
    document.body.innerHTML = '<p>&lt;img src=x onerror=alert(1)&gt; Kaspersky</p>';
    mountPanel(document, verdict, { dates });
    const shadow = shadowOf();
    expect(shadow.querySelector('img')).toBeNull();
    expect(shadow.innerHTML).not.toContain('onerror');
    expect(document.querySelectorAll('img')).toHaveLength(0);
  });

  describe('seen in full', () => {
    it.each([
      ['Hide', (shadow: ShadowRoot) => userClick(shadow.querySelector('button.collapse')!)],
      ['Escape', (shadow: ShadowRoot) => userKey(shadow.querySelector('.points li')!, 'Escape')],
      ['✕', (shadow: ShadowRoot) => userClick(shadow.querySelector('button.dismiss')!)],
      ['Next', (shadow: ShadowRoot) => userClick(shadow.querySelector('button.next')!)],
      ['Previous', (shadow: ShadowRoot) => userClick(shadow.querySelector('button.prev')!)],
      ['Key quotes', (shadow: ShadowRoot) => userClick(shadow.querySelector('button.quotes-button')!)],
      ['Sources', (shadow: ShadowRoot) => userClick(shadow.querySelector('.source button')!)],
    ])('the reader pressing %s on the open panel has seen it, once', (_name, act) => {
      const onSeen = vi.fn();
      const panel = mountPanel(document, verdict, { dates, onSeen, onStep: vi.fn(), onOpenPopup: vi.fn() });
      panel.setMentionCount(7);
      expect(onSeen).not.toHaveBeenCalled();
      act(shadowOf());
      expect(onSeen).toHaveBeenCalledTimes(1);
      if (panel.host.isConnected) {
        act(shadowOf());
        expect(onSeen).toHaveBeenCalledTimes(1);
      }
    });

    it("a page's synthetic clicks and keys count for nothing", () => {
      const onSeen = vi.fn();
      mountPanel(document, verdict, { dates, onSeen });
      const shadow = shadowOf();
      shadow.querySelector<HTMLButtonElement>('button.collapse')!.click();
      shadow.querySelector('.points li')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
      expect(onSeen).not.toHaveBeenCalled();
    });

    it('opening the tab with Show is not yet seeing it; staying open in view is', () => {
      vi.useFakeTimers();
      try {
        const onSeen = vi.fn();
        mountPanel(document, verdict, { dates, onSeen, collapsed: true });
        vi.advanceTimersByTime(60_000);
        expect(onSeen).not.toHaveBeenCalled();
        Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
        document.dispatchEvent(new Event('visibilitychange'));
        vi.advanceTimersByTime(60_000);
        expect(onSeen).not.toHaveBeenCalled();
        userClick(shadowOf().querySelector('button.collapse')!);
        expect(onSeen).not.toHaveBeenCalled();
        vi.advanceTimersByTime(SEEN_AFTER_MS);
        expect(onSeen).toHaveBeenCalledTimes(1);
      } finally {
        Reflect.deleteProperty(document, 'visibilityState');
        vi.useRealTimers();
      }
    });
  });

  describe('toggle (the keyboard shortcut)', () => {
    it('opens the tab to the full panel and moves focus to Hide; again folds it and counts as seen', () => {
      const onSeen = vi.fn();
      const panel = mountPanel(document, verdict, { dates, onSeen, collapsed: true });
      const shadow = shadowOf();
      const hide = shadow.querySelector<HTMLButtonElement>('button.collapse')!;
      expect(hide.getAttribute('aria-expanded')).toBe('false');
      panel.toggle();
      expect(hide.getAttribute('aria-expanded')).toBe('true');
      expect(shadow.querySelector<HTMLElement>('.body')!.hidden).toBe(false);
      expect(shadow.activeElement).toBe(hide);
      expect(onSeen).not.toHaveBeenCalled();
      panel.toggle();
      expect(hide.getAttribute('aria-expanded')).toBe('false');
      expect(shadow.querySelector('.panel')!.classList.contains('open')).toBe(false);
      expect(onSeen).toHaveBeenCalledTimes(1);
    });

    it('show() opens a panel that is open already without folding it', () => {
      const panel = mountPanel(document, verdict, { dates });
      panel.show();
      expect(shadowOf().querySelector('button.collapse')!.getAttribute('aria-expanded')).toBe('true');
    });
  });
});
