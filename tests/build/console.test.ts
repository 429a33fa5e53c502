/**
 * The console (/can-bo/) is its own page and bundle: the build emits can-bo/index.html with its
 * own entry, the phone's service worker never precaches any of it (no can-bo page, no console
 * chunk, no QR library that only the console uses), and the phone's first load links nothing of it.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST, measureFirstLoad } from './first-load';

function precacheUrls(): string[] {
  const sw = readFileSync(join(DIST, 'sw.js'), 'utf8');
  return [...sw.matchAll(/"url":"([^"]+)"/g)].map((m) => m[1]!);
}

function linkedBy(html: string): string[] {
  return [...html.matchAll(/(?:src|href)="\/([^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
}

describe('the console build', () => {
  const consoleHtml = readFileSync(join(DIST, 'can-bo', 'index.html'), 'utf8');
  const consoleFiles = linkedBy(consoleHtml);
  const entry = consoleFiles.find((f) => /^assets\/console-[\w-]+\.js$/.test(f));

  it('emits /can-bo/index.html with its own console entry, apart from the phone app', () => {
    expect(entry).toBeDefined();
    expect(existsSync(join(DIST, entry!))).toBe(true);
    expect(linkedBy(readFileSync(join(DIST, 'index.html'), 'utf8'))).not.toContain(entry);
  });

  it('never lists the console page or a console chunk in the phone precache', () => {
    const urls = precacheUrls();
    expect(urls.length).toBeGreaterThan(10);
    expect(urls.filter((u) => u.startsWith('can-bo') || u.includes('console'))).toEqual([]);
    // Every console-only file (linked by the console page, not by any phone chunk) is absent.
    const consoleOnly = consoleFiles.filter((f) => f.startsWith('assets/console-'));
    expect(consoleOnly.length).toBeGreaterThan(0);
    for (const f of consoleOnly) expect(urls).not.toContain(f);
    // The QR library is the console's alone: no precached file carries it.
    const withQr = readdirSync(join(DIST, 'assets')).filter(
      (f) => f.endsWith('.js') && readFileSync(join(DIST, 'assets', f), 'utf8').includes('createStringToBytes'),
    );
    expect(withQr.length).toBeGreaterThan(0);
    for (const f of withQr) expect(urls).not.toContain(`assets/${f}`);
  });

  it('adds nothing of the console to the phone first load', async () => {
    const phone = (await measureFirstLoad()).files.map((f) => f.file);
    expect(phone.filter((f) => f.includes('console') || f.startsWith('can-bo'))).toEqual([]);
  });
});
