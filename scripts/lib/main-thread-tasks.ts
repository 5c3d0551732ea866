/**
 * What the task recorder (task-recorder.ts) reads from a profile of a page's main thread: its
 * tasks, with the CPU time each took and the part of it that was the extension's. Each browser's
 * profile has its own reader: chromium-tasks.ts (a DevTools trace) and gecko-tasks.ts (a Gecko
 * profile).
 *
 * CPU time, not wall time: a thread the OS holds off the CPU (another process on a busy machine)
 * takes longer by the clock but not by its CPU time, so a figure here is the work done, whatever
 * else the machine does. The extension's part is its own work and what that work makes the
 * browser do (the DOM calls, style and layout it forces), which the readers find through the
 * extension's script addresses.
 */

/** One task of the page's main thread; times in ms. */
export interface Task {
  /** When it started, in ms from the page's performance mark (negative before it). */
  at: number;
  wallMs: number;
  cpuMs: number;
  /** The extension's part of `cpuMs`. */
  extensionMs: number;
}
