// Firefox lets a person withhold an MV3 add-on's access to sites, and with the pref
// extensions.originControls.grantByDefault off it withholds it from the start. The content script
// then never runs; the popup must say why and get access when asked. Chromium has no such start-up
// switch (its site access is changed by hand in chrome://extensions), so this runs in Firefox only.
import { expect, it } from 'vitest';
import { describeEachBrowser, openFixture, waitFor } from './harness';

const withheld = { browsers: ['firefox'], launch: () => ({ grantHostPermissions: false, autoGrantRequests: true }) } as const;
describeEachBrowser('%s with site access withheld (Chromium: no start-up switch for this, not run)', withheld, (_name, session) => {
  it('the popup says access is withheld, asks for it, and after a reload the page gets its panel', async () => {
    const { page, tabId } = await openFixture(session, 'kaspersky-article.html');
    // Without access the content script does not run: no panel, however long we wait.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await page.$('backstory-panel')).toBeNull();

    const popup = await session.ext.openExtensionPage(`popup/popup.html?tab=${tabId}`);
    const status = await waitFor(
      () => popup.$eval('#status', (el) => (el.textContent?.includes('isn’t allowed') ? el.textContent : '')),
      'the popup to say access is withheld',
    );
    expect(status).toMatch(/^Backstory isn’t allowed to read pages on .+, so it can’t check this page\.$/);
    const allow = await popup.$eval('#allow', (el) => ({ text: el.textContent, hidden: (el.closest('#access') as HTMLElement).hidden }));
    expect(allow.hidden).toBe(false);
    expect(allow.text).toMatch(/^Allow on /);

    await popup.click('#allow');
    await waitFor(() => popup.$eval('#reload', (el) => !(el as HTMLElement).hidden), 'the reload button');
    expect(await popup.$eval('#access-text', (el) => el.textContent)).toBe('Allowed. Reload the page to see Backstory on it.');
    expect(await popup.evaluate(() => document.activeElement?.id)).toBe('reload');

    await popup.click('#reload');
    await waitFor(() => page.evaluate(() => document.querySelectorAll('backstory-panel').length === 1), 'the panel after the reload', 15_000);
    const after = await waitFor(
      () => popup.$eval('#status', (el) => (el.textContent?.startsWith('This page mentions') ? el.textContent : '')),
      'the popup status after the reload',
      15_000,
    );
    expect(after).toMatch(/This page mentions Kaspersky \d+ times\./);
    expect(session.pageErrors).toEqual([]);
    await Promise.all([page.close(), popup.close()]);
  });
});
