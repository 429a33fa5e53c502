/**
 * Who may write, seen from real phones: a resident's phone registers itself on its first send
 * and its dossier is marked self-submitted; a web page of another origin cannot make the
 * browser push a dossier, whatever encoding it tries, and nothing is stored.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYNC_PROTOCOL_VERSION } from '../../src/domain/protocol';
import { AppPage } from './app-page';
import { BrowserProfile, ServerProcess } from './harness';
import { seedOutbox, validSubmission } from './phone-db';

let server: ServerProcess;
let profile: BrowserProfile;

beforeAll(async () => {
  server = await ServerProcess.create();
  await server.start();
  profile = new BrowserProfile();
});

afterAll(async () => {
  await profile?.dispose();
  await server?.dispose();
});

function rows<T>(sql: string): T[] {
  const db = new Database(server.databasePath, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

describe('a resident’s phone', () => {
  it('registers itself when it first sends, and its dossier is marked self-submitted', async () => {
    const context = await profile.launch();
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      const app = new AppPage(page);
      await app.open(server.origin);
      await page
        .getByTestId('device-status')
        .getByText(/Máy chưa đăng ký/)
        .waitFor();
      expect(rows('SELECT id FROM devices')).toEqual([]);

      const dossier = validSubmission('Phạm Thị Lan');
      await seedOutbox(page, [dossier]);
      // The app sends what is queued as it starts.
      await page.reload();
      await page.getByTestId('pending-count').getByText('Không có hồ sơ nào chờ gửi.').waitFor();
      await page
        .getByTestId('device-status')
        .getByText(/Máy của người dân/)
        .waitFor();

      await expect.poll(() => rows('SELECT id FROM devices').length, { timeout: 15_000 }).toBe(1);
      const devices = rows<{ id: string; kind: string }>('SELECT id, kind FROM devices');
      expect(devices).toHaveLength(1);
      expect(devices[0]?.kind).toBe('resident');
      // The panel can read "nothing pending" a moment before the server's write is visible to this
      // reader: wait for the row, then check who it is from.
      await expect.poll(() => rows('SELECT id FROM dossiers').length, { timeout: 15_000 }).toBe(1);
      expect(rows<{ id: string; device_id: string; device_kind: string }>('SELECT id, device_id, device_kind FROM dossiers')).toEqual([
        { id: dossier.id, device_id: devices[0]?.id, device_kind: 'resident' },
      ]);
      expect(page.url()).not.toContain('secret');
    } finally {
      await profile.close();
    }
  });
});

describe('a page on another site', () => {
  let other: Server;
  let otherOrigin = '';

  beforeAll(async () => {
    // A second web server on another port: another origin, as a hostile site would be.
    other = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><title>other site</title><p>hello</p>');
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    otherOrigin = `http://localhost:${(other.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => other.close(() => resolve())));

  it('cannot make the browser push a dossier, as text/plain, as a form, or as JSON; nothing is stored', async () => {
    const context = await profile.launch();
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(`${otherOrigin}/`);
      const body = JSON.stringify({ protocol: SYNC_PROTOCOL_VERSION, items: [validSubmission('Kẻ Lạ')] });
      const outcomes = await page.evaluate(
        async ({ target, body }) => {
          const tries: Array<[string, RequestInit]> = [
            ['text/plain', { method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body }],
            ['form', { method: 'POST', mode: 'no-cors', body: new URLSearchParams({ body }) }],
            ['json', { method: 'POST', headers: { 'content-type': 'application/json' }, body }],
            ['register', { method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body: '{"protocol":2}' }],
          ];
          const seen: string[] = [];
          for (const [name, init] of tries) {
            const url = name === 'register' ? `${target}/api/v1/devices/register` : `${target}/api/v1/sync/push`;
            try {
              const response = await fetch(url, init);
              seen.push(`${name}:${response.type}`);
            } catch {
              seen.push(`${name}:blocked`);
            }
          }
          return seen;
        },
        { target: server.origin, body },
      );
      // no-cors requests leave (the server refuses them) but their answers are blocked by
      // Cross-Origin-Resource-Policy: same-origin; the JSON one dies at the preflight.
      expect(outcomes).toEqual(['text/plain:blocked', 'form:blocked', 'json:blocked', 'register:blocked']);
      expect(rows('SELECT id FROM dossiers')).toHaveLength(1);
      expect(rows<{ n: number }>('SELECT COUNT(*) AS n FROM devices')[0]?.n).toBe(1);
    } finally {
      await profile.close();
    }
  });
});
