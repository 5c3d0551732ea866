/**
 * The popup's line naming the keyboard shortcut that shows or hides the panel, as the browser has
 * it now (the reader may have changed or removed it where the browser lists extension
 * shortcuts); where none is set, a button opens that list.
 */
import { TOGGLE_PANEL_COMMAND } from '../shared/commands';
import { t } from '../shared/i18n';

/** The browser calls the line needs. */
export interface ShortcutApis {
  /** commands.getAll(): each command with its shortcut ("" where none is set). */
  commands(): Promise<{ name?: string; shortcut?: string }[]>;
  /** Opens the browser's list of extension shortcuts. */
  openShortcutSettings(): Promise<void>;
}

/** Fills `line` (its text in `text`, its button `set`) and shows it; leaves it hidden where the browser cannot say. */
export async function showShortcut(line: HTMLElement, text: HTMLElement, set: HTMLButtonElement, apis: ShortcutApis): Promise<void> {
  const command = (await apis.commands().catch(() => [])).find((c) => c.name === TOGGLE_PANEL_COMMAND);
  if (!command) return;
  text.textContent = command.shortcut ? t('popupShortcut', command.shortcut) : t('popupShortcutNone');
  set.hidden = Boolean(command.shortcut);
  set.onclick = () =>
    void apis.openShortcutSettings().then(
      () => window.close(),
      () => undefined,
    );
  line.hidden = false;
}
