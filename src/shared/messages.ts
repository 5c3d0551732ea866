/**
 * Every message the extension's contexts exchange: one typed map per direction (to the background,
 * to a page), one typed send per direction (sendToPage in shared/send-message.ts for extension
 * pages, sendToBackground in content/full-stage/runtime.ts for the content scripts) and one parser per
 * receiver. A receiver never trusts a message: it parses it and ignores what fails.
 */
import { isHostName, parseSettings, type Settings } from './settings';
import { isPopupSection, type PopupSection } from './popup-section';
import { TOPICS, type Topic } from './topics';

/** The part of a verdict that leaves the page: topics and counts, never page text. */
export interface PageVerdict {
  topics: Topic[];
  mentions: Record<Topic, number>;
  confidence: number;
}

/** What the full stage says about its page when the popup asks: the verdict and the page's host name. */
export type PageStatus = { state: 'classified'; verdict: PageVerdict; site: string };

/** What the background tells a content script before it shows anything. */
export interface PageSetup {
  /** The reader closed the panel on this page earlier in this browser session. */
  dismissed: boolean;
  /** The reader has seen the story's panel in full on some page (storage.local; see shared/seen-story.ts). */
  seen: boolean;
  /** The content script's messages in the browser's language, as templates for useMessages (shared/i18n.ts). */
  messages: Record<string, string>;
  /**
   * The reader's settings. The background reads storage.sync for the page: in Firefox a content
   * script's first use of the storage API costs the page 8-12 ms of main thread.
   */
  settings: Settings;
}

/**
 * Messages to the background, by type, with their request and response. Events are past tense,
 * commands imperative. Only the extension's own scripts in a tab's top frame send these.
 */
export interface ToBackground {
  /** first stage: this page may be about the story; inject the full stage into the sender's frame. */
  startFullStage: { request: { type: 'startFullStage' }; response: void };
  /** full stage: the page's setup (settings, words, whether the panel was closed here), for the sender's page. */
  getPageSetup: { request: { type: 'getPageSetup' }; response: PageSetup };
  /** full stage: the page has been classified (for the toolbar badge). */
  pageClassified: { request: { type: 'pageClassified'; verdict: PageVerdict }; response: void };
  /** full stage: the reader closed the panel on the sender's page. */
  panelDismissed: { request: { type: 'panelDismissed' }; response: void };
  /** full stage: the reader showed the panel again (the shortcut) on the sender's page, where they had closed it. */
  panelReopened: { request: { type: 'panelReopened' }; response: void };
  /** full stage: the reader has seen the story's panel in full (content/panel/seen-watch.ts); later pages may start as the tab. */
  storySeen: { request: { type: 'storySeen' }; response: void };
  /** full stage: the reader asked the panel for the popup, at its key quotes or its sources. */
  openPopup: { request: { type: 'openPopup'; section: PopupSection }; response: void };
}

/** Messages to a page's full stage, by type: from the popup and from the background. */
export interface ToPage {
  /** popup: what did you make of this page? */
  getPageStatus: { request: { type: 'getPageStatus' }; response: PageStatus };
  /** background, to every tab: the reader's settings changed; ask for the page's setup again. */
  settingsChanged: { request: { type: 'settingsChanged' }; response: void };
  /** background, to the active tab: the reader pressed the shortcut; show the panel, or hide it. */
  togglePanel: { request: { type: 'togglePanel' }; response: void };
}

export type BackgroundMessage = ToBackground[keyof ToBackground]['request'];
export type PageMessage = ToPage[keyof ToPage]['request'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < 1e7;
}

/** Checks a verdict's shape; returns a clean copy or null. */
export function parseVerdict(value: unknown): PageVerdict | null {
  if (!isRecord(value) || !Array.isArray(value.topics) || !isRecord(value.mentions)) return null;
  const topics = value.topics;
  if (topics.length > TOPICS.length || !topics.every((t) => TOPICS.includes(t as Topic))) return null;
  if (new Set(topics).size !== topics.length) return null;
  const mentions = value.mentions;
  if (!TOPICS.every((t) => isCount(mentions[t]))) return null;
  const confidence = value.confidence;
  if (typeof confidence !== 'number' || !(confidence >= 0 && confidence <= 1)) return null;
  return {
    topics: TOPICS.filter((t) => topics.includes(t)),
    mentions: { kaspersky: mentions.kaspersky as number, ncsc: mentions.ncsc as number },
    confidence,
  };
}

/** The background's parser: the message typed if its shape is right, else null. Extra fields are dropped. */
export function parseToBackground(value: unknown): BackgroundMessage | null {
  if (!isRecord(value)) return null;
  switch (value.type) {
    case 'startFullStage':
    case 'getPageSetup':
    case 'panelDismissed':
    case 'panelReopened':
    case 'storySeen':
      return { type: value.type };
    case 'pageClassified': {
      const verdict = parseVerdict(value.verdict);
      return verdict ? { type: 'pageClassified', verdict } : null;
    }
    case 'openPopup':
      return isPopupSection(value.section) ? { type: 'openPopup', section: value.section } : null;
    default:
      return null;
  }
}

/** A page's parser (the full stage's): the message typed if its shape is right, else null. Extra fields are dropped. */
export function parseToPage(value: unknown): PageMessage | null {
  if (!isRecord(value)) return null;
  switch (value.type) {
    case 'getPageStatus':
    case 'settingsChanged':
    case 'togglePanel':
      return { type: value.type };
    default:
      return null;
  }
}

/** Checks a content script's answer to getPageStatus. */
export function parsePageStatus(value: unknown): PageStatus | null {
  if (!isRecord(value) || value.state !== 'classified' || !isHostName(value.site)) return null;
  const verdict = parseVerdict(value.verdict);
  return verdict ? { state: 'classified', verdict, site: value.site } : null;
}

/** Checks the background's answer to getPageSetup (messages of at most 2,000 characters, settings checked key by key); null when it is malformed. */
export function parsePageSetup(value: unknown): PageSetup | null {
  if (!isRecord(value) || typeof value.dismissed !== 'boolean' || typeof value.seen !== 'boolean' || !isRecord(value.messages) || !isRecord(value.settings))
    return null;
  const { dismissed, seen, messages } = value;
  return Object.values(messages).every((v) => typeof v === 'string' && v.length <= 2_000)
    ? { dismissed, seen, messages: messages as Record<string, string>, settings: parseSettings(value.settings) }
    : null;
}

const warned = new Set<string>();

/** Logs one warning per kind of rejected message, so a noisy page cannot flood the console. */
export function warnIgnored(context: string, reason: string): void {
  const key = `${context}:${reason}`;
  if (warned.has(key)) return;
  warned.add(key);
  console.warn(`Backstory (${context}): ignored a message — ${reason}.`);
}
