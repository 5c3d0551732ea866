/** Runs the full stage's own classifier on saved HTML, in jsdom. */
import { JSDOM, VirtualConsole } from 'jsdom';
import { classifyPage } from '../../src/content/full-stage/classify-page';
import type { Verdict } from '../../src/shared/topics';

/** The verdict the full stage would reach on `html` served at `url`. Scripts in the page do not run. */
export function classifyHtml(html: string, url: string): Verdict {
  const dom = new JSDOM(html, { url, contentType: 'text/html', virtualConsole: new VirtualConsole() });
  const { window } = dom;
  // The classifier uses the DOM globals a content script has; lend it jsdom's for the call.
  const globals = { Node: window.Node, NodeFilter: window.NodeFilter };
  const saved = Object.fromEntries(Object.keys(globals).map((k) => [k, (globalThis as Record<string, unknown>)[k]]));
  Object.assign(globalThis, globals);
  try {
    return classifyPage(window.document, url);
  } finally {
    Object.assign(globalThis, saved);
    window.close();
  }
}
