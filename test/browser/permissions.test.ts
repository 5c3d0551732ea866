// What a person is asked at install. The full stage needs "scripting" and host permissions for the
// same sites the content script was already declared for; neither may add a warning. Each browser is
// asked for its own install-time wording: Chromium through management.getPermissionWarningsByManifest,
// Firefox through the function that writes its install prompt (privileged, over WebDriver BiDi).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { firefoxPrivileged } from '../../scripts/lib/firefox-privileged';
import { distFor } from '../../scripts/lib/paths';
import { describeEachBrowser, type Session } from './harness';

type Manifest = { permissions: string[]; host_permissions?: string[]; content_scripts: { matches: string[] }[] };

/** The manifest as it was before the two stages: no "scripting", no host_permissions. */
function withoutFullStagePermissions(manifest: Manifest): Manifest {
  const before = structuredClone(manifest);
  delete before.host_permissions;
  before.permissions = before.permissions.filter((p) => p !== 'scripting');
  return before;
}

/** Chromium's install warnings for `manifest`, asked from an extension page. */
async function chromiumWarnings(session: Session, manifest: Manifest): Promise<string[]> {
  const page = await session.ext.openExtensionPage('popup/popup.html');
  try {
    return await page.evaluate(async (json: string) => {
      const chrome = (globalThis as unknown as { chrome: { management: { getPermissionWarningsByManifest(m: string): Promise<string[]> } } }).chrome;
      return chrome.management.getPermissionWarningsByManifest(json);
    }, JSON.stringify(manifest));
  } finally {
    await page.close();
  }
}

/** Firefox's install-prompt lines for `manifest` (MV3: the content script's matches are requested origins too). */
async function firefoxWarnings(session: Session, manifest: Manifest): Promise<string[]> {
  const privileged = await firefoxPrivileged(session.ext.browser);
  const origins = [...new Set([...(manifest.host_permissions ?? []), ...manifest.content_scripts.flatMap((c) => c.matches)])];
  const messages = await privileged<string>(`(async () => {
    const { ExtensionData } = ChromeUtils.importESModule('resource://gre/modules/Extension.sys.mjs');
    const strings = await ExtensionData.formatPermissionStrings(
      { permissions: { permissions: ${JSON.stringify(manifest.permissions)}, origins: ${JSON.stringify(origins)} } },
      { collapseOrigins: true },
    );
    return JSON.stringify(strings.msgs);
  })()`);
  return JSON.parse(messages) as string[];
}

describeEachBrowser('%s install-time permissions', (name, session) => {
  it('asks nothing more than before the full stage needed "scripting" and host permissions', async () => {
    const manifest = JSON.parse(readFileSync(path.join(distFor(name === 'chromium' ? 'chrome' : 'firefox'), 'manifest.json'), 'utf8')) as Manifest;
    expect(manifest.permissions).toContain('scripting');
    const warnings = name === 'chromium' ? chromiumWarnings : firefoxWarnings;
    const now = await warnings(session, manifest);
    const before = await warnings(session, withoutFullStagePermissions(manifest));
    // Asked for something, so the comparison means something: the one line about websites.
    expect(now.length).toBeGreaterThan(0);
    expect(now).toEqual(before);
    expect(now).toEqual([name === 'chromium' ? 'Read and change all your data on all websites' : 'Access your data for all websites']);
  });
});
