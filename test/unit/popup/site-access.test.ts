// @vitest-environment node
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { CONTENT_MATCHES, checkAccess, requestAccess, sitePattern, type PermissionsApi } from '../../../src/popup/site-access';

const manifest = JSON.parse(readFileSync(path.join(__dirname, '../../../manifest.json'), 'utf8'));

function fakePermissions(granted: string[], answer: boolean | Error = true): PermissionsApi & { requested: string[][] } {
  const requested: string[][] = [];
  return {
    requested,
    contains: vi.fn(async ({ origins }) => origins.every((o: string) => granted.includes(o))),
    request: vi.fn(async ({ origins }) => {
      requested.push(origins);
      if (answer instanceof Error) throw answer;
      return answer;
    }),
  };
}

describe('site access', () => {
  it('asks for exactly what the content script is declared for', () => {
    expect(CONTENT_MATCHES).toEqual(manifest.content_scripts[0].matches);
  });

  it('turns a page address into its site pattern, and refuses pages Backstory never reads', () => {
    expect(sitePattern('https://news.example.com/2017/12/kaspersky?x=1#top')).toBe('https://news.example.com/*');
    expect(sitePattern('http://127.0.0.1:8080/a')).toBe('http://127.0.0.1/*');
    expect(sitePattern('about:addons')).toBeNull();
    expect(sitePattern('chrome://extensions/')).toBeNull();
    expect(sitePattern('file:///home/a.html')).toBeNull();
    expect(sitePattern('not a url')).toBeNull();
    expect(sitePattern(undefined)).toBeNull();
  });

  it('says access is withheld for the site when the browser has not granted it', async () => {
    const permissions = fakePermissions([]);
    expect(await checkAccess(permissions, 'https://news.example.com/story')).toEqual({
      kind: 'withheld',
      origins: ['https://news.example.com/*'],
      site: 'news.example.com',
    });
  });

  it('asks about all sites when the browser does not give the tab address', async () => {
    expect(await checkAccess(fakePermissions([]), undefined)).toEqual({ kind: 'withheld', origins: CONTENT_MATCHES, site: null });
    expect(await checkAccess(fakePermissions(CONTENT_MATCHES), undefined)).toEqual({ kind: 'allowed' });
  });

  it('knows pages it never reads, and granted sites', async () => {
    expect(await checkAccess(fakePermissions([]), 'about:blank')).toEqual({ kind: 'never' });
    expect(await checkAccess(fakePermissions(['https://news.example.com/*']), 'https://news.example.com/a')).toEqual({ kind: 'allowed' });
  });

  it('treats a refused permissions call as withheld rather than throwing', async () => {
    const permissions = fakePermissions([]);
    permissions.contains = () => Promise.reject(new Error('Invalid pattern'));
    expect((await checkAccess(permissions, 'https://x.example/')).kind).toBe('withheld');
  });

  it('requests the origins and reports the answer; an error counts as not granted', async () => {
    const yes = fakePermissions([]);
    expect(await requestAccess(yes, ['https://a.example/*'])).toBe(true);
    expect(yes.requested).toEqual([['https://a.example/*']]);
    expect(await requestAccess(fakePermissions([], false), ['https://a.example/*'])).toBe(false);
    expect(await requestAccess(fakePermissions([], new Error('needs a user gesture')), ['https://a.example/*'])).toBe(false);
  });
});
