/**
 * The popup's sources: what the context is drawn from, and under each key point a disclosure
 * button that shows the article's own sentences behind it (story.json's evidence, shown as text).
 * The panel's "Sources" button opens the popup here (see shared/popup-section.ts).
 */
import { localDay } from '../shared/dates';
import { h } from '../shared/dom';
import { messagesLanguage, t, tStory } from '../shared/i18n';
import { SECTION_KEY, requestedSection } from '../shared/popup-section';
import type { Story } from '../shared/story';
import { storyKeys, storySourceKey } from '../shared/story-messages';

/** The part of storage.session the popup uses (so tests can pass a fake one). */
export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  remove(key: string): Promise<void>;
}

function find(section: HTMLElement, selector: string): HTMLElement {
  const el = section.querySelector<HTMLElement>(selector);
  if (!el) throw new Error(`the sources section lacks ${selector}`);
  return el;
}

/** One key point with its button and, hidden until asked for, the article's sentences (lang="en"). */
function renderPoint(doc: Document, i: number, evidence: string[], reported: string): HTMLElement {
  const point = h(doc, 'p', { class: 'point', id: `point-${i + 1}` }, tStory(storyKeys.point(i)));
  const words = h(
    doc,
    'div',
    { class: 'evidence', id: `evidence-${i + 1}`, hidden: true },
    h(doc, 'p', { class: 'evidence-label' }, t('sourcesArticle', localDay(reported))),
    // The article's sentences stay as it wrote them, in English: say so where the popup speaks another language.
    messagesLanguage() !== 'en' && h(doc, 'p', { class: 'evidence-language' }, t('sourcesInEnglish')),
    h(doc, 'blockquote', { lang: 'en' }, ...evidence.map((sentence) => h(doc, 'p', {}, sentence))),
  );
  const toggle = h(
    doc,
    'button',
    { type: 'button', class: 'show-evidence', 'aria-expanded': 'false', 'aria-controls': words.id, 'aria-describedby': point.id },
    t('sourcesShow'),
  );
  toggle.addEventListener('click', () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(open));
    words.hidden = !open;
  });
  return h(doc, 'li', {}, point, toggle, words);
}

/** Fills the static #sources section (popup.html) from the story. */
export function renderSources(section: HTMLElement, story: Story): void {
  const doc = section.ownerDocument;
  find(section, '.sources-from').textContent = `${t('sourcesFrom', localDay(story.reported))} ${tStory(storySourceKey)}`;
  find(section, '.sources-points').append(...story.keyPoints.map((p, i) => renderPoint(doc, i, p.evidence, story.reported)));
}

/**
 * Brings the section into view and focus when the background asked the popup to open there (the
 * panel's "Sources"); the request is used once. Resolves whether it did.
 */
export async function openIfAsked(section: HTMLElement, session: SessionArea): Promise<boolean> {
  const stored = await session.get(SECTION_KEY).catch(() => ({}) as Record<string, unknown>);
  if (requestedSection(stored[SECTION_KEY]) !== 'sources') return false;
  await session.remove(SECTION_KEY).catch(() => undefined);
  const heading = find(section, 'h2');
  const reveal = (): void => {
    section.scrollIntoView({ block: 'start' });
    heading.focus({ preventScroll: true });
  };
  reveal();
  // Firefox loads its toolbar popup before it sizes and shows it, and showing it focuses the
  // document afresh (focus back on the body, the scroll out of place): reveal again then.
  const doc = section.ownerDocument;
  if (!doc.hasFocus()) doc.defaultView?.addEventListener('focus', reveal, { once: true });
  return true;
}

/** The popup's hook: renders the sources and opens them if asked. */
export function showSources(section: HTMLElement, story: Story, session: SessionArea): Promise<boolean> {
  renderSources(section, story);
  return openIfAsked(section, session);
}
