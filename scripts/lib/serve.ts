/**
 * A static file server on 127.0.0.1 for local pages (demo, tests, bench). Serves nothing else.
 * The files are served by sirv (content types, ranges, paths kept inside the folder, index.html
 * for a folder and "/page" for "/page.html"); in its dev mode each request reads the folder afresh
 * and every response says `Cache-Control: no-store`, so pages written while the server runs are
 * served and the bench's page loads are never cached.
 */
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import sirv from 'sirv';

export interface StaticServer {
  origin: string;
  url(file: string): string;
  close(): Promise<void>;
}

/**
 * Serves `dir` on a free loopback port; `headers(file)` may add response headers per file (given
 * its path inside `dir`, with "/" separators). `pages` adds HTML pages held in memory, by path
 * ("/blank.html"), so a folder that must not be written to (shared test pages) can still be served
 * with a page of the harness's own.
 */
export async function serveDirectory(
  dir: string,
  headers: (file: string) => Record<string, string> = () => ({}),
  pages: Record<string, string> = {},
): Promise<StaticServer> {
  const files = sirv(path.resolve(dir), {
    dev: true,
    setHeaders: (res, pathname) => {
      for (const [name, value] of Object.entries(headers(pathname.replace(/^\//, '')))) res.setHeader(name, value);
    },
    onNoMatch: (_req, res) => {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    },
  });
  const server: Server = createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    const page = Object.hasOwn(pages, pathname) ? pages[pathname] : undefined;
    if (page !== undefined) res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
    else files(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('server has no port');
  const origin = `http://127.0.0.1:${address.port}`;
  return {
    origin,
    url: (file) => `${origin}/${file}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
