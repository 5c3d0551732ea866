import { afterEach, describe, expect, it, vi } from 'vitest';
import { showShortcut, type ShortcutApis } from '../../../src/popup/shortcut-view';
import { userClick } from '../helpers/user-input';

function line(): { line: HTMLElement; text: HTMLElement; set: HTMLButtonElement } {
  document.body.innerHTML = '<p id="shortcut" hidden><span id="text"></span> <button id="set" hidden>Set a shortcut</button></p>';
  return { line: document.getElementById('shortcut')!, text: document.getElementById('text')!, set: document.getElementById('set') as HTMLButtonElement };
}

const apis = (commands: { name?: string; shortcut?: string }[] | Error): ShortcutApis & { openShortcutSettings: ReturnType<typeof vi.fn> } => ({
  commands: () => (commands instanceof Error ? Promise.reject(commands) : Promise.resolve(commands)),
  openShortcutSettings: vi.fn(async () => undefined),
});

afterEach(() => {
  document.body.innerHTML = '';
});

describe("the popup's shortcut line", () => {
  it('names the shortcut as the browser has it now, the reader’s own included', async () => {
    const el = line();
    await showShortcut(
      el.line,
      el.text,
      el.set,
      apis([
        { name: '_execute_action', shortcut: 'Ctrl+B' },
        { name: 'toggle-panel', shortcut: 'Ctrl+Shift+9' },
      ]),
    );
    expect(el.line.hidden).toBe(false);
    expect(el.text.textContent).toBe('Show or hide the panel on a page with Ctrl+Shift+9.');
    expect(el.set.hidden).toBe(true);
  });

  it('says when none is set, and offers to open the browser’s list of shortcuts', async () => {
    const el = line();
    const api = apis([{ name: 'toggle-panel', shortcut: '' }]);
    const close = vi.spyOn(window, 'close').mockImplementation(() => undefined);
    await showShortcut(el.line, el.text, el.set, api);
    expect(el.text.textContent).toBe('No keyboard shortcut is set to show or hide the panel.');
    expect(el.set.hidden).toBe(false);
    userClick(el.set);
    expect(api.openShortcutSettings).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(close).toHaveBeenCalled());
  });

  it('stays hidden where the browser cannot say', async () => {
    for (const answer of [new Error('no commands API'), [], [{ name: 'something-else', shortcut: 'Alt+1' }]]) {
      const el = line();
      await showShortcut(el.line, el.text, el.set, apis(answer));
      expect(el.line.hidden).toBe(true);
    }
  });
});
