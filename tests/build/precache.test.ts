/** What the phone's service worker precaches: every file of the app once, compressed on the wire, nothing of the console. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { staticFiles } from '../../src/server/http/static-files';
import { DIST } from './first-load';

function precacheManifest(): Array<{ url: string; revision: string | null }> {
  const sw = readFileSync(join(DIST, 'sw.js'), 'utf8');
  const match = /(\[\{"revision":[^\]]*\}\])/.exec(sw);
  if (!match) throw new Error('no precache manifest in sw.js');
  return JSON.parse(match[1] as string) as Array<{ url: string; revision: string | null }>;
}

describe('the precache manifest', () => {
  const entries = precacheManifest();
  const urls = entries.map((e) => e.url);

  it('names each file once, the shell among them, and every script and style of the build', () => {
    expect(new Set(urls).size).toBe(urls.length);
    expect(urls).toContain('index.html');
    expect(urls).toContain('manifest.webmanifest');
    // The console's entry (assets/console-*) is the office's page, never the phone's (vite.config.ts).
    const assets = readdirSync(join(DIST, 'assets')).filter((f) => /\.(js|css)$/.test(f) && !f.startsWith('console-'));
    for (const asset of assets) expect(urls, asset).toContain(`assets/${asset}`);
  });

  it('holds no compressed copies, no source maps and nothing of the console (/can-bo/)', () => {
    for (const url of urls) {
      expect(url).not.toMatch(/\.(br|gz|map)$/);
      expect(url).not.toMatch(/^\/?can-bo\//);
    }
  });

  it('travels compressed: the figure printed is what a first visit downloads for offline use', async () => {
    const app = new Hono().get('*', staticFiles(DIST));
    let raw = 0;
    let sent = 0;
    for (const url of [...urls, 'sw.js']) {
      const res = await app.request(`/${url}`, { headers: { 'accept-encoding': 'br' } });
      expect(res.status, url).toBe(200);
      sent += (await res.arrayBuffer()).byteLength;
      raw += readFileSync(join(DIST, url)).length;
    }
    console.log(
      `precache + sw.js: ${(raw / 1024).toFixed(1)} KiB raw, ${(sent / 1024).toFixed(1)} KiB sent (brotli), ${urls.length} files`,
    );
    expect(sent).toBeLessThan(raw / 2);
  });
});
