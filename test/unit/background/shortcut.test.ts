// @vitest-environment node
import { beforeEach, describe, expect, it, vi } from 'vitest';

const api = vi.hoisted(() => ({
  active: [] as { id?: number }[],
  sendMessage: vi.fn(async (_tabId: number, _message: unknown, _options: unknown): Promise<unknown> => undefined),
}));
vi.mock('webextension-polyfill', () => ({
  default: { tabs: { query: vi.fn(async () => api.active), sendMessage: api.sendMessage } },
}));

import { runCommand } from '../../../src/background/shortcut';

beforeEach(() => {
  api.active = [];
  api.sendMessage.mockReset();
  api.sendMessage.mockImplementation(async () => undefined);
});

describe('the keyboard shortcut in the background', () => {
  it('asks the full stage in the top frame of the tab it was pressed in to toggle the panel', async () => {
    await runCommand('toggle-panel', { id: 7 } as never);
    expect(api.sendMessage.mock.calls).toEqual([[7, { type: 'togglePanel' }, { frameId: 0 }]]);
  });

  it('falls back to the active tab where the browser names none', async () => {
    api.active = [{ id: 12 }];
    await runCommand('toggle-panel', undefined);
    expect(api.sendMessage.mock.calls).toEqual([[12, { type: 'togglePanel' }, { frameId: 0 }]]);
  });

  it('does nothing for another command, a tab without an id or a negative one (a devtools window)', async () => {
    await runCommand('_execute_action', { id: 7 } as never);
    await runCommand('toggle-panel', { id: -1 } as never);
    await runCommand('toggle-panel', undefined);
    expect(api.sendMessage).not.toHaveBeenCalled();
  });

  it('is quiet on a page without the full stage (the browser refuses the message)', async () => {
    api.sendMessage.mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    await expect(runCommand('toggle-panel', { id: 7 } as never)).resolves.toBeUndefined();
  });
});
