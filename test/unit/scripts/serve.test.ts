// @vitest-environment node
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type StaticServer, serveDirectory } from '../../../scripts/lib/serve';

/** A GET of `rawPath` exactly as written (fetch would normalise "/../"), with status, headers and body. */
function get(server: StaticServer, rawPath: string): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  const { hostname, port } = new URL(server.origin);
  return new Promise((resolve, reject) => {
    request({ hostname, port, path: rawPath }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    })
      .on('error', reject)
      .end();
  });
}

describe('serveDirectory', () => {
  let root: string;
  let server: StaticServer;
  beforeEach(async () => {
    root = mkdtempSync(path.join(os.tmpdir(), 'backstory-serve-test-'));
    mkdirSync(path.join(root, 'site/hostile'), { recursive: true });
    writeFileSync(path.join(root, 'secret.txt'), 'outside the served folder');
    writeFileSync(path.join(root, 'site/index.html'), '<p>home</p>');
    writeFileSync(path.join(root, 'site/page.html'), '<p>ünïcode page</p>');
    writeFileSync(path.join(root, 'site/app.js'), 'console.log(1);');
    writeFileSync(path.join(root, 'site/hostile/csp.html'), '<p>csp</p>');
    server = await serveDirectory(
      path.join(root, 'site'),
      (file): Record<string, string> => (file === 'hostile/csp.html' ? { 'content-security-policy': "default-src 'none'" } : {}),
      {
        '/blank.html': '<title>blank</title>',
      },
    );
  });
  afterEach(async () => {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('serves files with their content type, never cached; index.html for a folder, page.html for /page', async () => {
    const page = await get(server, '/page.html');
    expect(page).toMatchObject({ status: 200, body: '<p>ünïcode page</p>' });
    expect(page.headers['content-type']).toMatch(/^text\/html; ?charset=utf-8$/);
    expect(page.headers['cache-control']).toBe('no-store');
    expect((await get(server, '/app.js')).headers['content-type']).toBe('text/javascript');
    expect((await get(server, '/')).body).toBe('<p>home</p>');
    expect((await get(server, '/page')).body).toBe('<p>ünïcode page</p>');
    expect(server.url('page.html')).toBe(`${server.origin}/page.html`);
  });

  it("adds a file's own headers, and only to that file", async () => {
    expect((await get(server, '/hostile/csp.html')).headers['content-security-policy']).toBe("default-src 'none'");
    expect((await get(server, '/page.html')).headers['content-security-policy']).toBeUndefined();
  });

  it('serves pages held in memory, and files written after it started', async () => {
    expect(await get(server, '/blank.html')).toMatchObject({ status: 200, body: '<title>blank</title>' });
    writeFileSync(path.join(root, 'site/later.html'), '<p>later</p>');
    expect((await get(server, '/later.html')).body).toBe('<p>later</p>');
  });

  it('answers 404 for a missing file and anything outside the folder', async () => {
    for (const missing of ['/nothing.html', '/nothing', '/../secret.txt', '/../secret', '/%2e%2e/secret.txt', '/hostile/..%2f..%2fsecret.txt'])
      expect(await get(server, missing), missing).toMatchObject({ status: 404, body: 'not found' });
  });

  it('keeps serving after a malformed percent-encoding', async () => {
    expect((await get(server, '/%E0%A4%A.html')).status).toBe(404);
    expect((await get(server, '/page.html')).status).toBe(200);
  });
});
