/**
 * The full stage comes only to pages whose first stage found a possible mention of the story: the
 * background injects it into the asking frame. It is not a web-accessible resource, so no page can
 * load it or tell from it that the extension is installed.
 */
import browser from 'webextension-polyfill';

/** The full stage's bundle, as the build writes it (scripts/lib/build-extension.ts). */
export const FULL_STAGE_FILE = 'full-stage.js';

/** Runs the full stage in the top frame of tab `tabId` (the only frame with a first stage). A second run in the same page does nothing (see content/full-stage/index.ts). */
export async function injectFullStage(tabId: number): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [FULL_STAGE_FILE] });
}
