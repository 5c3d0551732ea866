// The one watcher both stages follow single-page apps with: it reports each event with whether the
// page's address (not only its fragment) changed, watches only what it is given, and stops on abort.
import { afterEach, describe, expect, it } from 'vitest';
import { watchAddress } from '../../../src/content/watch-navigation';

const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => history.replaceState(null, '', '/start'));

describe('watchAddress', () => {
  it('says on each history event whether the address moved, and a new fragment is not a move', () => {
    history.replaceState(null, '', '/start');
    const events: boolean[] = [];
    const controller = new AbortController();
    watchAddress(window, (moved) => events.push(moved), controller.signal);
    history.pushState(null, '', '/story?id=2');
    dispatchEvent(new PopStateEvent('popstate'));
    dispatchEvent(new PopStateEvent('popstate'));
    history.pushState(null, '', '/story?id=2#comments');
    dispatchEvent(new PopStateEvent('popstate'));
    expect(events).toEqual([true, false, false]);
    controller.abort();
    history.pushState(null, '', '/other');
    dispatchEvent(new PopStateEvent('popstate'));
    expect(events).toHaveLength(3);
  });

  it('watches the elements under the node it is given, and nothing without one', async () => {
    const events: boolean[] = [];
    const controller = new AbortController();
    const box = document.createElement('div');
    document.body.append(box);
    watchAddress(window, (moved) => events.push(moved), controller.signal, box);
    const unwatched: boolean[] = [];
    watchAddress(window, (moved) => unwatched.push(moved), controller.signal);
    history.pushState(null, '', '/next');
    box.append(document.createElement('p'));
    await flush();
    expect(events).toEqual([true]);
    expect(unwatched).toEqual([]);
    controller.abort();
    box.append(document.createElement('p'));
    await flush();
    expect(events).toEqual([true]);
    box.remove();
  });
});
