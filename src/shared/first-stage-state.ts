/**
 * What the first stage leaves behind in a page, for the popup. The first stage keeps it in the
 * extension's own isolated world (a page's scripts cannot see or change it) and the popup reads it
 * with scripting.executeScript, so the first stage never needs an extension API to answer.
 */

declare global {
  /** A short hash of the sources, set by the build (scripts/lib/build-extension.ts). */
  const __BACKSTORY_BUILD__: string;
}

/** The global the first stage's state lives under, in the extension's isolated world. */
export const FIRST_STAGE_KEY = '__backstoryFirstStage';

export interface FirstStageState {
  /** The build that ran: a tab opened before an update still holds the old build's state (Chromium keeps the world). */
  build: string;
  /** The page (its current address) could be about the story, so the full stage was asked for. */
  candidate: boolean;
}

/** Reads the state a probe returned: null when there is none, it is malformed, or it comes from another build. */
export function parseFirstStageState(value: unknown, build: string): FirstStageState | null {
  if (typeof value !== 'object' || value === null) return null;
  const { build: ran, candidate } = value as Record<string, unknown>;
  return ran === build && typeof candidate === 'boolean' ? { build, candidate } : null;
}
