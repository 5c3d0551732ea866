// Options page: the reader's settings, saved to storage.sync as they change (open tabs apply them
// at once), forgetting that the reader has seen the story (storage.local), and the sites where
// Backstory is off, each removable.
import browser from 'webextension-polyfill';
import { h } from '../shared/dom';
import { localizePage, t } from '../shared/i18n';
import { forgetSeenStories } from '../shared/seen-story';
import { loadSettings, withSiteBlocked, type Settings } from '../shared/settings';
import type { Topic } from '../shared/topics';

const form = document.getElementById('settings') as HTMLFormElement;
const sites = document.getElementById('sites') as HTMLUListElement;
const empty = document.getElementById('sites-empty') as HTMLElement;
const saved = document.getElementById('saved') as HTMLElement;

const read = (): Promise<Settings> => loadSettings(browser.storage.sync);

async function save(values: Partial<Settings>): Promise<void> {
  try {
    await browser.storage.sync.set(values);
    saved.textContent = t('optionsSaved');
  } catch (error) {
    saved.textContent = t('optionsSaveFailed', error instanceof Error ? error.message : String(error));
  }
}

function input(selector: string): HTMLInputElement {
  return form.querySelector(selector) as HTMLInputElement;
}

/** Shows `settings` in the form and the list of sites. */
function render(settings: Settings): void {
  input(`input[name="panel"][value="${settings.panel}"]`).checked = true;
  input('input[name="highlights"]').checked = settings.highlights;
  for (const box of Array.from(form.querySelectorAll<HTMLInputElement>('input[name="topic"]'))) box.checked = settings.topics[box.value as Topic];
  const focusedSite = (document.activeElement as HTMLElement | null)?.dataset.site;
  sites.replaceChildren(
    ...settings.blockedSites.map((site) => {
      const remove = h(document, 'button', { type: 'button', 'data-site': site, 'aria-label': t('optionsRemoveSiteLabel', site) }, t('optionsRemoveSite'));
      remove.addEventListener('click', async () => {
        const index = settings.blockedSites.indexOf(site);
        await save({ blockedSites: withSiteBlocked(await read(), site, false) });
        render(await read());
        // Keep keyboard focus in the list: on the button now in that place, or the heading when none is left.
        const buttons = sites.querySelectorAll<HTMLElement>('button');
        (buttons[Math.min(index, buttons.length - 1)] ?? (document.getElementById('sites-heading') as HTMLElement)).focus();
      });
      return h(document, 'li', {}, h(document, 'span', { class: 'site' }, site), remove);
    }),
  );
  empty.hidden = settings.blockedSites.length > 0;
  if (focusedSite) sites.querySelector<HTMLElement>(`button[data-site="${CSS.escape(focusedSite)}"]`)?.focus();
}

form.addEventListener('change', async (event) => {
  const target = event.target as HTMLInputElement;
  const settings = await read();
  if (target.name === 'panel') await save({ panel: target.value as Settings['panel'] });
  else if (target.name === 'highlights') await save({ highlights: target.checked });
  else if (target.name === 'topic') await save({ topics: { ...settings.topics, [target.value]: target.checked } });
});

// "Open it in full again on the next page": forget that the reader has seen the story.
(document.getElementById('forget-seen') as HTMLButtonElement).addEventListener('click', async () => {
  try {
    await forgetSeenStories(browser.storage.local);
    saved.textContent = t('optionsForgotSeen');
  } catch (error) {
    saved.textContent = t('optionsSaveFailed', error instanceof Error ? error.message : String(error));
  }
});

// Another place (the popup, another options tab, sync) changed the settings: show them.
browser.storage.onChanged.addListener((_changes, area) => {
  if (area === 'sync') void read().then(render);
});

localizePage(document);
(document.getElementById('sites-heading') as HTMLElement).tabIndex = -1;
void read().then(render);
