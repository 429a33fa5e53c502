/**
 * Hand-off by file in real Chromium, with no signal: phone A submits a CT01 dossier with a photo,
 * exports it to a passphrase-encrypted file; phone B refuses the wrong passphrase, imports the file
 * once (a second import adds nothing); back online both phones send it, and the server holds one
 * dossier and one photo, whose code both phones show.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { AppPage } from './app-page';
import { BrowserProfile, ServerProcess, waitForServiceWorker } from './harness';
import { readPhone } from './phone-db';
import { axeViolations } from './axe';
import { formatVnDate, vietnamDateOf } from '../../src/domain/dates';

const NAME = 'Nguyễn Thị Hoa';
const CCCD = '038190012345';
const QR = `${CCCD}||${NAME}|12051990|Nữ|Thôn 3, Xã Hoằng Hóa, Tỉnh Thanh Hóa|01012021`;
const PROOF = /Ảnh giấy tờ chứng minh chỗ ở hợp pháp/;
const PASSPHRASE = 'Hoằng Hóa 2026';

let server: ServerProcess;
let phoneA: BrowserProfile;
let phoneB: BrowserProfile;
const downloads = mkdtempSync(join(tmpdir(), 'mcld-e2e-handoff-'));

beforeAll(async () => {
  server = await ServerProcess.create();
  await server.start();
  phoneA = new BrowserProfile();
  phoneB = new BrowserProfile();
});

afterAll(async () => {
  await phoneA?.dispose();
  await phoneB?.dispose();
  await server?.dispose();
  rmSync(downloads, { recursive: true, force: true });
});

interface Ref {
  sha256: string;
  name: string;
  type: string;
  size: number;
}

/** An 800×600 PNG of a "paper", drawn by the page. */
async function drawPaperPng(page: Page): Promise<Buffer> {
  const base64 = await page.evaluate(async () => {
    const canvas = new OffscreenCanvas(800, 600);
    const g = canvas.getContext('2d')!;
    g.fillStyle = '#fdfbf3';
    g.fillRect(0, 0, 800, 600);
    g.fillStyle = '#1b1b1b';
    g.font = 'bold 40px serif';
    g.fillText('HỢP ĐỒNG THUÊ NHÀ', 180, 80);
    g.font = '20px serif';
    for (let line = 0; line < 18; line++) g.fillText(`Dòng ${line + 1}: các điều khoản thuê nhà`, 60, 140 + line * 24);
    const blob = await canvas.convertToBlob({ type: 'image/png' });
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(binary);
  });
  return Buffer.from(base64, 'base64');
}

function serverRows(): {
  dossiers: Array<{ id: string; dossier_code: string; answers_json: string }>;
  blobs: Array<{ sha256: string; bytes: Buffer }>;
} {
  const db = new Database(server.databasePath, { readonly: true, fileMustExist: true });
  try {
    return {
      dossiers: db.prepare('SELECT id, dossier_code, answers_json FROM dossiers').all() as Array<{
        id: string;
        dossier_code: string;
        answers_json: string;
      }>,
      blobs: db.prepare('SELECT sha256, bytes FROM blobs').all() as Array<{ sha256: string; bytes: Buffer }>,
    };
  } finally {
    db.close();
  }
}

/** Launches a profile and lets the service worker take the page, so it later opens offline. */
async function install(profile: BrowserProfile): Promise<AppPage> {
  const context = await profile.launch();
  const app = new AppPage(context.pages()[0] ?? (await context.newPage()));
  await app.open(server.origin);
  await waitForServiceWorker(app.page);
  return app;
}

/** CT01 from the CCCD's QR code, with a photo of the rental contract, submitted with consent. */
async function submitWithPhoto(app: AppPage): Promise<Ref> {
  const page = app.page;
  const png = await drawPaperPng(page);
  await app.startTemporaryResidence();
  await page.getByRole('button', { name: 'Quét mã QR trên CCCD' }).click();
  await page.getByLabel('Nội dung mã QR').fill(QR);
  await page.getByRole('button', { name: 'Điền vào tờ khai' }).click();
  await app.waitSaved();
  await app.fill(/Số điện thoại/, '0912 345 678');
  await app.typeAddress(/Địa chỉ đăng ký tạm trú/, 'Số 5 ngõ 12, Phường Ba Đình, Thành phố Hà Nội');
  await app.fill(/Nội dung đề nghị/, 'Đi làm');
  await app.fill(/Ngày bắt đầu tạm trú/, formatVnDate(vietnamDateOf(Date.now())));
  const proof = page.getByRole('group', { name: PROOF });
  await proof.getByLabel('Chọn tệp').setInputFiles({ name: 'hop-dong.png', mimeType: 'image/png', buffer: png });
  await proof.getByRole('button', { name: 'Bỏ tệp hop-dong.jpg' }).waitFor();
  await app.waitSaved();
  const draft = (await readPhone(page)).drafts[0]!;
  const ref = (draft.answers.lawfulHomeProof as Ref[])[0]!;
  expect(ref).toMatchObject({ name: 'hop-dong.jpg', type: 'image/jpeg' });
  await app.reviewAndSubmit();
  await app.pendingCount().filter({ hasText: '1 hồ sơ chờ gửi' }).waitFor();
  return ref;
}

async function openHandoff(page: Page): Promise<void> {
  await page.goto(`${server.origin}/chuyen-giao`);
  await page.getByRole('heading', { level: 1, name: 'Chuyển hồ sơ qua tệp' }).waitFor();
}

async function importFile(page: Page, path: string, passphrase: string): Promise<string> {
  const section = page.getByRole('region', { name: 'Nhận hồ sơ từ tệp' });
  await section.getByLabel('Tệp chuyển giao').setInputFiles(path);
  await section.getByLabel('Mật khẩu của tệp').fill(passphrase);
  await section.getByRole('button', { name: 'Nhận hồ sơ' }).click();
  const result = section.getByTestId('handoff-import-result');
  await result.waitFor();
  await section.getByRole('button', { name: 'Nhận hồ sơ' }).and(page.locator(':enabled')).waitFor();
  return (await result.textContent()) ?? '';
}

describe('handing dossiers over by file between two phones with no signal', () => {
  it('exports an encrypted file with the photo, imports it once, and the server gets one dossier', async () => {
    const a = await install(phoneA);
    const b = await install(phoneB);
    await server.stop();
    await phoneA.context!.setOffline(true);
    await phoneB.context!.setOffline(true);

    // Phone A: a dossier with a photo, submitted with no signal, then copied to a file.
    await a.page.reload();
    const ref = await submitWithPhoto(a);
    await openHandoff(a.page);
    expect(await axeViolations(a.page), 'axe violations on the export form').toEqual([]);
    const exportForm = a.page.getByRole('region', { name: 'Chép hồ sơ chưa gửi ra tệp' });
    await exportForm.getByText('Có 1 hồ sơ chưa gửi sẽ được chép.').waitFor();
    // Two different passphrases: the message sits next to the second field, nothing is downloaded.
    await exportForm.getByLabel('Mật khẩu của tệp').fill(PASSPHRASE);
    await exportForm.getByLabel('Nhập lại mật khẩu').fill(`${PASSPHRASE}x`);
    await exportForm.getByRole('button', { name: 'Tạo tệp' }).click();
    const again = exportForm.getByLabel('Nhập lại mật khẩu');
    await expect.poll(() => again.getAttribute('aria-invalid')).toBe('true');
    expect(await again.getAttribute('aria-describedby')).toBe('handoff-export-error');
    expect(await a.page.locator('#handoff-export-error').textContent()).toBe('Hai mật khẩu không giống nhau.');
    await exportForm.getByLabel('Nhập lại mật khẩu').fill(PASSPHRASE);
    const [download] = await Promise.all([a.page.waitForEvent('download'), exportForm.getByRole('button', { name: 'Tạo tệp' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^ho-so-chua-gui-\d{8}-\d{4}\.mcld\.json$/);
    const filePath = join(downloads, download.suggestedFilename());
    await download.saveAs(filePath);
    await exportForm.getByRole('status').filter({ hasText: 'Đã tạo tệp với 1 hồ sơ.' }).waitFor();

    // The file is the JSON envelope; nothing of the resident is readable in it.
    const text = readFileSync(filePath, 'utf8');
    expect(JSON.parse(text)).toMatchObject({ format: 'mcld-outbox', version: 1 });
    for (const secret of [NAME, NAME.normalize('NFD'), CCCD, '0912345678', ref.sha256]) expect(text.includes(secret), secret).toBe(false);

    // Phone B: the wrong passphrase is refused next to its field, and nothing is queued.
    await b.page.reload();
    await openHandoff(b.page);
    const wrong = await importFile(b.page, filePath, 'không đúng mật khẩu');
    expect(wrong).toBe('Sai mật khẩu. Hãy hỏi lại người tạo tệp.');
    const importForm = b.page.getByRole('region', { name: 'Nhận hồ sơ từ tệp' });
    await importForm.getByRole('alert').filter({ hasText: 'Sai mật khẩu' }).waitFor();
    const passInput = importForm.getByLabel('Mật khẩu của tệp');
    expect(await passInput.getAttribute('aria-invalid')).toBe('true');
    expect(await passInput.evaluate((el) => document.getElementById(el.getAttribute('aria-describedby') ?? '')?.textContent)).toBe(wrong);
    expect((await readPhone(b.page)).outbox).toEqual([]);
    expect(await axeViolations(b.page), 'axe violations with the error shown').toEqual([]);

    // The right passphrase: one dossier queued, with its photo.
    expect(await importFile(b.page, filePath, PASSPHRASE)).toBe('Đã nhận 1 hồ sơ vào hàng chờ gửi.');
    const queued = (await readPhone(b.page)).outbox;
    expect(queued).toHaveLength(1);
    expect(queued[0]!.id).toBe((await readPhone(a.page)).outbox[0]!.id);
    expect(await axeViolations(b.page), 'axe violations after an import').toEqual([]);

    // The same file again adds nothing: the screen says the dossier was already there.
    expect(await importFile(b.page, filePath, PASSPHRASE)).toBe('Tệp này không có hồ sơ mới. 1 hồ sơ đã có sẵn trên máy.');
    expect((await readPhone(b.page)).outbox).toHaveLength(1);
    await b.open(server.origin);
    await b.pendingCount().filter({ hasText: '1 hồ sơ chờ gửi' }).waitFor();
    await b.page.getByText('Chờ gửi', { exact: true }).last().waitFor();
    expect(serverRows().dossiers).toHaveLength(0);

    // Signal returns: B sends by itself first, then A sends the same dossier.
    await server.start();
    await phoneB.context!.setOffline(false);
    await b.dossierCodes().first().waitFor({ timeout: 60_000 });
    const codeB = (await b.dossierCodes().first().textContent())?.trim();
    // The photo reached the server from B, so it travelled in the file.
    expect(serverRows().dossiers).toHaveLength(1);
    expect(serverRows().blobs.map((blob) => blob.sha256)).toEqual([ref.sha256]);

    await a.open(server.origin);
    await phoneA.context!.setOffline(false);
    await a.dossierCodes().first().waitFor({ timeout: 60_000 });
    const codeA = (await a.dossierCodes().first().textContent())?.trim();
    await a.pendingCount().filter({ hasText: 'Không có hồ sơ nào chờ gửi.' }).waitFor();
    await b.pendingCount().filter({ hasText: 'Không có hồ sơ nào chờ gửi.' }).waitFor();

    const rows = serverRows();
    expect(rows.dossiers).toHaveLength(1);
    expect(rows.dossiers[0]!.dossier_code).toBe(codeB);
    expect(codeA).toBe(codeB);
    expect(JSON.parse(rows.dossiers[0]!.answers_json)).toMatchObject({ fullName: NAME, lawfulHomeProof: [ref] });
    expect(rows.blobs).toHaveLength(1);
    expect(rows.blobs[0]!.sha256).toBe(ref.sha256);
    expect(createHash('sha256').update(rows.blobs[0]!.bytes).digest('hex')).toBe(ref.sha256);
    expect(rows.blobs[0]!.bytes.byteLength).toBe(ref.size);
  });
});
