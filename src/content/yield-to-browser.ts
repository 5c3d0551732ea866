/** Lets the browser run input, rendering and the page's own tasks between slices of work. */

type Scheduler = { yield?: () => Promise<void> };

/** Resolves in a new task: scheduler.yield() where it exists, else a MessageChannel message (no 4 ms clamp). */
export function yieldToBrowser(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** How long one slice of work may run before it yields, in ms; well under the 50 ms of a long task. */
export const SLICE_MS = 8;
