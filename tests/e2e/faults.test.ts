/**
 * Sync under faults, end to end: real Chromium on a persistent profile, the real server (SQLite),
 * and a fault-injecting TCP proxy between them (the page's origin). After every fault the server
 * holds exactly one row per dossier, nothing else, and the phone ends with every dossier's code.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Submission } from '../../src/domain/protocol';
import { FaultProxy, type ProxyFault } from './fault-proxy';
import { BrowserProfile, ServerProcess, waitForServiceWorker } from './harness';
import { readPhone, seedOutbox, seedRows, validSubmission } from './phone-db';

const ROOT = join(import.meta.dirname, '..', '..');
/** The built app, copied so the service worker update test can change sw.js without touching dist/. */
const STATIC_DIR = mkdtempSync(join(tmpdir(), 'mcld-e2e-static-'));

let server: ServerProcess;
let proxy: FaultProxy;
let profile: BrowserProfile;
let context: BrowserContext;
let page: Page;
/** Every dossier any test queued: the server must end with exactly these, once each. */
const everything: Submission[] = [];
let serial = 0;

function serverRows(): Array<{ id: string; dossier_code: string; answers_json: string }> {
  const db = new Database(server.databasePath, { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT id, dossier_code, answers_json FROM dossiers').all() as Array<{
      id: string;
      dossier_code: string;
      answers_json: string;
    }>;
  } finally {
    db.close();
  }
}

async function openApp(): Promise<void> {
  page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${proxy.origin}/`);
  await page.getByTestId('pending-count').waitFor();
}

/** Queues `count` finished dossiers on the phone and shows them (a reload, as after a restart). */
async function queue(count: number): Promise<Submission[]> {
  const items = Array.from({ length: count }, () => validSubmission(`Người thử số ${++serial}`));
  await seedOutbox(page, items);
  everything.push(...items);
  await page.reload();
  await page.getByTestId('pending-count').waitFor();
  return items;
}

/** Presses "Gửi ngay" whenever it is enabled until the outbox is empty (retries ignore backoff). */
async function sendUntilEmpty(timeout = 60_000): Promise<void> {
  const button = page.getByRole('button', { name: 'Gửi ngay' });
  await expect
    .poll(
      async () => {
        if (await button.isEnabled().catch(() => false)) await button.click({ timeout: 1000 }).catch(() => undefined);
        // What is left, and why: a failure message then names the states and errors.
        return (await readPhone(page)).outbox.map((row) => `${row.state}:${row.lastError?.code ?? '-'}`);
      },
      { timeout, interval: 300 },
    )
    .toEqual([]);
}

/** The server holds exactly one row per queued dossier, nothing more; the phone has the same codes. */
async function expectExactlyOnce(): Promise<void> {
  const rows = serverRows();
  expect(rows.map((r) => r.id).sort()).toEqual(everything.map((s) => s.id).sort());
  const phone = await readPhone(page);
  const codes = new Map(phone.dossiers.map((d) => [d.id, d.dossierCode]));
  for (const row of rows) expect(codes.get(row.id), `phone code of ${row.id}`).toBe(row.dossier_code);
  for (const submission of everything) {
    const row = rows.find((r) => r.id === submission.id);
    expect(JSON.parse(row?.answers_json ?? '{}')).toMatchObject({ fullName: submission.answers.fullName });
  }
  expect(phone.outbox).toEqual([]);
}

/** One fault on the next push of `count` fresh dossiers, then sending until done. */
async function survives(fault: ProxyFault, count = 2): Promise<void> {
  // Armed first: the sync that starts with the reload takes the fault.
  proxy.arm(fault);
  await queue(count);
  await sendUntilEmpty();
  expect(proxy.pending).toBe(0);
  await expectExactlyOnce();
}

beforeAll(async () => {
  cpSync(join(ROOT, 'dist', 'client'), STATIC_DIR, { recursive: true });
  // One resident phone sends every scenario's dossiers: lift its daily allowance (tested in hostile-input.test.ts).
  server = await ServerProcess.create({ STATIC_DIR, RESIDENT_DAILY_DOSSIERS: '100000' });
  await server.start();
  proxy = await FaultProxy.start(server.port);
  profile = new BrowserProfile();
  context = await profile.launch();
  await openApp();
  await waitForServiceWorker(page);
});

afterAll(async () => {
  await profile?.dispose();
  await proxy?.close();
  await server?.dispose();
  rmSync(STATIC_DIR, { recursive: true, force: true });
});

describe('sync under faults against the real server', () => {
  it('a clean send stores each dossier once and brings back the codes', async () => {
    await queue(3);
    await sendUntilEmpty();
    await expectExactlyOnce();
  });

  it('one dossier the server refuses does not hold back the others; the user sees why and deletes it', async () => {
    const good = [validSubmission(`Người thử số ${++serial}`), validSubmission(`Người thử số ${++serial}`)];
    const { consent: _dropped, ...bad } = validSubmission(`Người thiếu đồng ý ${++serial}`);
    await seedOutbox(page, [good[0]!, bad, good[1]!]);
    everything.push(...good);
    await page.reload();
    await expect.poll(async () => (await readPhone(page)).outbox.map((row) => `${row.id}:${row.state}`)).toEqual([`${bad.id}:rejected`]);
    const item = page.getByTestId('outbox-item');
    await item.getByText('Cần sửa').waitFor();
    await item.getByText('Máy chủ thấy tờ khai có mục chưa đúng.').waitFor();
    await item.getByText(/Cách xử lý: Bấm “Sửa tờ khai”/).waitFor();
    await item.getByRole('button', { name: 'Xóa' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Xóa hẳn' }).click();
    await expect.poll(async () => (await readPhone(page)).outbox.length).toBe(0);
    await expectExactlyOnce();
  });

  it.each([1, 40, 300, 700, 1500])('connection cut after %i bytes of the request', async (afterBytes) => {
    await survives({ kind: 'cut-request', afterBytes });
  });

  it.each([1, 12, 60, 200, -1])('connection cut after %i bytes of the response (the server committed)', async (bytes) => {
    // -1: everything but the last byte of the answer.
    proxy.arm({ kind: 'cut-response', afterBytes: bytes });
    await queue(2);
    await sendUntilEmpty();
    expect(proxy.pending).toBe(0);
    await expectExactlyOnce();
  });

  it('5xx before the server looked at it, and 5xx after it committed', async () => {
    await survives({ kind: 'status', status: 503 });
    await survives({ kind: 'status', status: 500, forward: true });
  });

  it('409 for the whole batch (not the protocol’s error), before and after commit', async () => {
    await survives({ kind: 'status', status: 409, body: { message: 'conflict at a proxy' } });
    await survives({ kind: 'status', status: 409, body: { message: 'conflict at a proxy' }, forward: true });
  });

  it('duplicate delivery: the same push reaches the server twice at once', async () => {
    await survives({ kind: 'duplicate' }, 3);
  });

  it('server killed (SIGKILL) after commit, before the answer; restarted on the same data', async () => {
    let killed!: () => void;
    const dead = new Promise<void>((resolve) => (killed = resolve));
    proxy.arm({
      kind: 'kill-after-commit',
      kill: async () => {
        await server.stop('SIGKILL');
        killed();
      },
    });
    await queue(3);
    await dead;
    // Committed before the kill: the rows are on disk although the phone never heard back.
    expect(serverRows().length).toBe(everything.length);
    await expect.poll(async () => (await readPhone(page)).outbox.every((row) => row.state === 'queued' && row.attempts > 0)).toBe(true);
    await server.start();
    await sendUntilEmpty();
    await expectExactlyOnce();
  });

  it.each(['response', 'request'] as const)(
    'browser killed mid-sync (proxy holds the %s), relaunched on the same profile',
    async (stage) => {
      proxy.arm({ kind: 'hold', stage });
      await queue(2);
      await proxy.waitForHeld();
      await profile.kill();
      // The answer goes to a dead browser, or the request reaches the server after the browser died.
      proxy.releaseAll();
      context = await profile.launch();
      await openApp();
      await sendUntilEmpty();
      await expectExactlyOnce();
    },
  );

  it('"protocol too old": the app asks for an update and does not retry; after the update it sends', async () => {
    // The old app has two engines that may each try once: the page's and the service worker's
    // (woken by Background Sync). The server refuses both.
    const tooOld = {
      kind: 'status',
      status: 426,
      body: { error: 'protocol-unsupported', message: 'update the app', supported: [2] },
    } as const;
    proxy.arm(tooOld);
    proxy.arm(tooOld);
    const [item] = await queue(1);
    await page.getByTestId('update-required').waitFor();
    await page.getByText('Cần cập nhật ứng dụng').waitFor();
    // Each engine puts the row back untouched (one after the other, under the lock).
    await expect
      .poll(
        async () => {
          const row = (await readPhone(page)).outbox.find((r) => r.id === item!.id);
          return row && { state: row.state, attempts: row.attempts, lastError: row.lastError ?? null };
        },
        { timeout: 15_000 },
      )
      .toEqual({ state: 'queued', attempts: 0, lastError: null });
    // A reload stands for the updated app, which the server accepts.
    proxy.disarm();
    await page.reload();
    await sendUntilEmpty();
    await expectExactlyOnce();
  });

  it('quota exceeded: submitting says the phone is full, the draft stays whole; with room again it is sent once', async () => {
    const submission = validSubmission(`Người thử số ${++serial}`, 'ui');
    const now = Date.now();
    const draft = {
      id: submission.id,
      formId: submission.formId,
      formVersion: submission.formVersion,
      answers: submission.answers,
      label: String(submission.answers.fullName),
      createdAt: now,
      updatedAt: now,
    };
    await seedRows(page, 'drafts', [draft]);
    // Chromium applies a quota override only to an origin not yet used by this browser process:
    // relaunch on the same profile and set it before the app opens.
    await profile.close();
    context = await profile.launch();
    page = context.pages()[0] ?? (await context.newPage());
    const cdp = await context.newCDPSession(page);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: proxy.origin, quotaSize: 1024 });
    // The review step: the resident agrees to the processing of their data, then submits.
    await page.goto(`${proxy.origin}/to-khai/${draft.id}/xem-lai`);
    await page.locator('#consent-agree').check();
    const submit = page.getByRole('button', { name: 'Nộp hồ sơ' });
    await submit.click();
    await page.getByTestId('storage-full').getByText('Bộ nhớ điện thoại đã đầy').waitFor();
    expect(await page.getByTestId('storage-full').textContent()).toContain('Xóa bớt ảnh, video');
    const phone = await readPhone(page);
    expect(phone.drafts.find((d) => d.id === draft.id)?.answers).toEqual(draft.answers);
    expect(phone.outbox.find((r) => r.id === draft.id)).toBeUndefined();
    // Room again (the user deleted photos): the same button works, once.
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: proxy.origin });
    // Hold the push the submit starts, so the queued row can be looked at before it leaves.
    proxy.arm({ kind: 'hold', stage: 'request' });
    await submit.click();
    await page.getByRole('heading', { level: 1, name: 'Biên nhận hồ sơ' }).waitFor();
    await page.getByRole('link', { name: 'Một Cửa Lưu Động' }).click();
    await page.getByTestId('pending-count').waitFor();
    await proxy.waitForHeld();
    const queued = (await readPhone(page)).outbox.find((r) => r.id === draft.id) as unknown as { submission: Submission } | undefined;
    expect(queued?.submission.answers).toMatchObject({ fullName: submission.answers.fullName });
    proxy.releaseAll();
    everything.push(submission);
    await sendUntilEmpty();
    await expectExactlyOnce();
    expect((await readPhone(page)).drafts.find((d) => d.id === draft.id)).toBeUndefined();
  });

  it('service worker update in the middle of the queue: the queue is still sent exactly once', async () => {
    proxy.arm({ kind: 'hold', stage: 'request' });
    await queue(3);
    await proxy.waitForHeld();
    const before = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.scriptURL);
    // A new release: same URL, different bytes.
    const swPath = join(STATIC_DIR, 'sw.js');
    writeFileSync(swPath, `${readFileSync(swPath, 'utf8')}\n// e2e release ${Date.now()}\n`);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    const reloaded = page.waitForEvent('load');
    await page.getByRole('button', { name: 'Cập nhật', exact: true }).click();
    await reloaded;
    await page.getByTestId('pending-count').waitFor();
    expect(before).toBeTruthy();
    // The reload came from the new worker taking control: nothing waits any more.
    expect(
      await page.evaluate(async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        return {
          waiting: Boolean(registration?.waiting),
          active: Boolean(registration?.active),
          controlled: Boolean(navigator.serviceWorker.controller),
        };
      }),
    ).toEqual({ waiting: false, active: true, controlled: true });
    // The push that was in flight when the page reloaded reaches the server late.
    proxy.releaseAll();
    await sendUntilEmpty();
    await expectExactlyOnce();
    const swText = await page.evaluate(async () => (await fetch('/sw.js', { cache: 'no-store' })).text());
    expect(swText).toContain('// e2e release');
  });
});
