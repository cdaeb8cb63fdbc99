/**
 * A stand-in for Discord's CDN (cdn.discordapp.com, media.discordapp.net): a real HTTP server on loopback
 * answering as the CDN does (200 with content type and length, 404 for what it lacks), and a fetch that
 * sends Discord's hosts there and refuses every other host, since tests reach no network.
 */
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { solidPng } from './chromium.ts';

export interface DiscordCdn {
  fetch: typeof globalThis.fetch;
  /** Paths requested so far, with the host first: `cdn.discordapp.com/attachments/...`. */
  served: string[];
  close(): Promise<void>;
}

const DISCORD_HOSTS = new Set(['cdn.discordapp.com', 'media.discordapp.net']);

/** Bytes for a path: a PNG for images, text for logs, deterministic filler for anything else. */
export function cdnBody(path: string): { body: Buffer; contentType: string } {
  const digest = createHash('sha256').update(path).digest();
  if (/\.(png|jpg|gif|webp)$/.test(path)) {
    return { body: solidPng(24, [digest[0] ?? 0, digest[1] ?? 0, digest[2] ?? 0]), contentType: 'image/png' };
  }
  if (path.endsWith('.log')) return { body: Buffer.from(`log of ${path}\n`.repeat(20)), contentType: 'text/plain' };
  return { body: Buffer.concat(Array.from({ length: 40 }, () => digest)), contentType: 'application/octet-stream' };
}

/**
 * Paths with a marker misbehave: `/missing/` answers 404, `/redirect/` redirects to an outside host,
 * `/reset/` drops the connection, `/big-<n>/` sends n bytes without a Content-Length.
 */
export async function startDiscordCdn(): Promise<DiscordCdn> {
  const served: string[] = [];
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://cdn').pathname.slice(1);
    served.push(path);
    if (path.includes('/missing/'))
      return response.writeHead(404, { 'content-type': 'text/plain' }).end('404: Not Found');
    if (path.includes('/redirect/')) return response.writeHead(302, { location: 'https://elsewhere.test/x.png' }).end();
    if (path.includes('/reset/')) return request.socket.destroy();
    const big = /\/big-(\d+)\//.exec(path);
    if (big) {
      response.writeHead(200, { 'content-type': 'application/octet-stream', 'transfer-encoding': 'chunked' });
      let left = Number(big[1]);
      const chunk = Buffer.alloc(64 * 1024, 7);
      const pump = () => {
        while (left > 0) {
          const part = chunk.subarray(0, Math.min(chunk.length, left));
          left -= part.length;
          if (!response.write(part)) return void response.once('drain', pump);
        }
        response.end();
      };
      response.on('error', () => undefined);
      return pump();
    }
    const { body, contentType } = cdnBody(path);
    response.writeHead(200, { 'content-type': contentType, 'content-length': body.length });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const fetchViaCdn: typeof globalThis.fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (!DISCORD_HOSTS.has(url.hostname) || url.protocol !== 'https:')
      throw new TypeError(`fetch failed: no route to ${url.host}`);
    return globalThis.fetch(`http://127.0.0.1:${port}/${url.hostname}${url.pathname}${url.search}`, init);
  };
  return {
    fetch: fetchViaCdn,
    served,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
