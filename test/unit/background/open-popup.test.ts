import { beforeEach, describe, expect, it, vi } from 'vitest';

const api = vi.hoisted(() => ({
  calls: [] as string[],
  session: {} as Record<string, unknown>,
  popupFails: false,
}));
vi.mock('webextension-polyfill', () => ({
  default: {
    storage: {
      session: {
        set: vi.fn(async (items: Record<string, unknown>) => {
          api.calls.push('storage.session.set');
          Object.assign(api.session, items);
        }),
        remove: vi.fn(async (key: string) => {
          api.calls.push('storage.session.remove');
          delete api.session[key];
        }),
      },
    },
    action: {
      openPopup: vi.fn(async () => {
        api.calls.push('action.openPopup');
        if (api.popupFails) throw new Error('openPopup requires a user gesture');
      }),
    },
    tabs: { create: vi.fn(async (props: { url: string }) => api.calls.push(`tabs.create ${props.url}`)) },
    runtime: { getURL: (p: string) => `moz-extension://id/${p}` },
  },
}));

import { openPopup } from '../../../src/background/open-popup';
import { SECTION_KEY, requestedSection, sectionRequest } from '../../../src/shared/popup-section';

beforeEach(() => {
  api.calls = [];
  api.session = {};
  api.popupFails = false;
});

describe('openPopup', () => {
  it('asks the next popup for its sources, then opens the toolbar popup', async () => {
    await openPopup({ id: 7, index: 2, windowId: 1 } as never, 'sources');
    expect(api.calls).toEqual(['storage.session.set', 'action.openPopup']);
    expect(requestedSection(api.session[SECTION_KEY])).toBe('sources');
  });

  it('opens the popup page in a tab for that tab where the browser refuses the toolbar popup; the request still stands', async () => {
    api.popupFails = true;
    await openPopup({ id: 7, index: 2, windowId: 1 } as never, 'sources');
    expect(api.calls).toEqual(['storage.session.set', 'action.openPopup', 'tabs.create moz-extension://id/popup/popup.html?tab=7']);
    expect(requestedSection(api.session[SECTION_KEY])).toBe('sources');
  });

  it('opens at the quotes: clears an earlier request for the sources, so the popup opens at its top', async () => {
    Object.assign(api.session, sectionRequest('sources'));
    await openPopup({ id: 7, index: 2, windowId: 1 } as never, 'quotes');
    expect(api.calls).toEqual(['storage.session.remove', 'action.openPopup']);
    expect(requestedSection(api.session[SECTION_KEY])).toBeNull();
  });

  it('opens the quotes in a tab for that tab where the browser refuses the toolbar popup', async () => {
    api.popupFails = true;
    await openPopup({ id: 3, index: 0, windowId: 1 } as never, 'quotes');
    expect(api.calls).toEqual(['storage.session.remove', 'action.openPopup', 'tabs.create moz-extension://id/popup/popup.html?tab=3']);
  });
});
