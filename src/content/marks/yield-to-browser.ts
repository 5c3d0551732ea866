/** Lets the browser run input, rendering and the page's own tasks between slices of work. */

/**
 * Resolves in a new task. In a page on screen that task is a timer's, which both browsers run
 * after a frame that is due: a chain of scheduler.yield() continuations or MessageChannel
 * messages held the page to a frame every 100 ms in Chromium 156 (yield) and every 70–85 ms in
 * Firefox 153 (both), against one every 17 ms with timers, for 8 ms slices of work. A hidden page
 * draws no frames and throttles timers to one a second, so there a message is used instead.
 */
export function yieldToBrowser(): Promise<void> {
  if (typeof document === 'undefined' || !document.hidden) return new Promise((resolve) => setTimeout(resolve, 0));
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
