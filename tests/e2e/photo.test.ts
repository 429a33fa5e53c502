/**
 * Photos of papers end to end in real Chromium, with no signal: CT01 v2 filled for two people, a
 * 2400×1800 PNG attached as the proof of lawful residence (shrunk in a worker to a JPEG of at most
 * 1600 px and about 250 KB, stored in IndexedDB by its SHA-256), the thumbnail shown, the browser
 * killed, the photo still there, the dossier sent once the network returns: the server holds one
 * dossier and exactly the phone's bytes, and the phone no longer holds the photo.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import type { BrowserContext, Page } from 'playwright-core';
import { AppPage } from './app-page';
import { BrowserProfile, ServerProcess, waitForServiceWorker } from './harness';
import { PHONE_DB, readPhone } from './phone-db';
import { axeViolations } from './axe';
import { formatVnDate, vietnamDateOf } from '../../src/domain/dates';
import { CT01_QR } from '../fixtures/ct01-answers';

const QR = CT01_QR;
const PROOF = /Ảnh giấy tờ chứng minh chỗ ở hợp pháp/;

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

interface Ref {
  sha256: string;
  name: string;
  type: string;
  size: number;
}

/** A 2400×1800 PNG of a "paper" (text, lines, a stamp), drawn by the page. */
async function drawPaperPng(page: Page): Promise<Buffer> {
  const base64 = await page.evaluate(async () => {
    const canvas = new OffscreenCanvas(2400, 1800);
    const g = canvas.getContext('2d')!;
    const gradient = g.createLinearGradient(0, 0, 2400, 1800);
    gradient.addColorStop(0, '#fdfbf3');
    gradient.addColorStop(1, '#e9e2cf');
    g.fillStyle = gradient;
    g.fillRect(0, 0, 2400, 1800);
    g.fillStyle = '#1b1b1b';
    g.font = 'bold 96px serif';
    g.fillText('HỢP ĐỒNG THUÊ NHÀ', 520, 200);
    g.font = '48px serif';
    for (let line = 0; line < 22; line++)
      g.fillText(`Dòng ${line + 1}: bên cho thuê và bên thuê thỏa thuận các điều khoản sau`, 160, 340 + line * 62);
    g.strokeStyle = '#c0392b';
    g.lineWidth = 14;
    g.beginPath();
    g.arc(1900, 1500, 180, 0, Math.PI * 2);
    g.stroke();
    const blob = await canvas.convertToBlob({ type: 'image/png' });
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(binary);
  });
  return Buffer.from(base64, 'base64');
}

/** The stored blobs of the phone: hash → { type, bytes (base64), decoded width and height }. */
function readPhoneBlobs(page: Page): Promise<Array<{ sha256: string; type: string; base64: string; width: number; height: number }>> {
  return page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(name);
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    try {
      const rows = await new Promise<Array<{ sha256: string; type: string; blob: Blob }>>((resolve, reject) => {
        const request = db.transaction('blobs', 'readonly').objectStore('blobs').getAll();
        request.onsuccess = () => resolve(request.result as never);
        request.onerror = () => reject(request.error);
      });
      return Promise.all(
        rows.map(async (row) => {
          const bitmap = await createImageBitmap(row.blob);
          const bytes = new Uint8Array(await row.blob.arrayBuffer());
          let binary = '';
          for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
          return { sha256: row.sha256, type: row.type, base64: btoa(binary), width: bitmap.width, height: bitmap.height };
        }),
      );
    } finally {
      db.close();
    }
  }, PHONE_DB);
}

function serverRows(): {
  dossiers: Array<{ id: string; answers_json: string }>;
  blobs: Array<{ sha256: string; content_type: string; size: number; bytes: Buffer }>;
} {
  const db = new Database(server.databasePath, { readonly: true, fileMustExist: true });
  try {
    return {
      dossiers: db.prepare('SELECT id, answers_json FROM dossiers').all() as Array<{ id: string; answers_json: string }>,
      blobs: db.prepare('SELECT sha256, content_type, size, bytes FROM blobs').all() as Array<{
        sha256: string;
        content_type: string;
        size: number;
        bytes: Buffer;
      }>,
    };
  } finally {
    db.close();
  }
}

async function thumbnailShown(page: Page, name: string): Promise<void> {
  const img = page.getByRole('group', { name: PROOF }).getByRole('img', { name });
  await img.waitFor();
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBeGreaterThan(0);
}

describe('photos of papers, offline, to the commune server', () => {
  it('attaches a shrunk photo that survives a kill and reaches the server byte for byte, then leaves the phone', async () => {
    let context: BrowserContext = await profile.launch();
    let app = new AppPage(context.pages()[0] ?? (await context.newPage()));
    await app.open(server.origin);
    await waitForServiceWorker(app.page);
    await server.stop();
    await context.setOffline(true);
    await app.page.reload();
    let page = app.page;
    const png = await drawPaperPng(page);
    expect(png.byteLength).toBeGreaterThan(250 * 1024);

    await app.startTemporaryResidence();
    await page.getByRole('button', { name: 'Quét mã QR trên CCCD' }).click();
    await page.getByLabel('Nội dung mã QR').fill(QR);
    await page.getByRole('button', { name: 'Điền vào tờ khai' }).click();
    await app.waitSaved();
    await app.fill(/Số điện thoại/, '0912 345 678');
    const temporary = app.addressGroup(/Địa chỉ đăng ký tạm trú/);
    await temporary.getByLabel('Tỉnh/thành phố').selectOption({ label: 'Thành phố Hà Nội' });
    await temporary.getByRole('searchbox', { name: 'Xã/phường' }).fill('ba dinh');
    await temporary.getByRole('button', { name: /Phường Ba Đình/ }).click();
    await temporary.getByLabel('Thôn/tổ, số nhà, đường').fill('Số 5 ngõ 12');
    await app.waitSaved();
    await app.fill(/Nội dung đề nghị/, 'Đi làm');
    await app.fill(/Ngày bắt đầu tạm trú/, formatVnDate(vietnamDateOf(Date.now())));
    await page.getByLabel('Có người cùng đăng ký tạm trú với tôi').check();
    const first = page.getByRole('group', { name: 'Người cùng thay đổi thứ 1' });
    await first.getByLabel(/^Họ, chữ đệm và tên/).fill('Trần Văn An');
    await first.getByLabel(/^Ngày, tháng, năm sinh/).fill('02/01/2015');
    await first.getByRole('radio', { name: 'Nam' }).check();
    await first.getByLabel(/^Mối quan hệ với chủ hộ/).fill('Con');
    await page.getByRole('button', { name: 'Thêm người cùng thay đổi' }).click();
    const second = page.getByRole('group', { name: 'Người cùng thay đổi thứ 2' });
    await second.getByLabel(/^Họ, chữ đệm và tên/).fill('Trần Thị Bé');
    await second.getByRole('radio', { name: 'Nữ' }).check();
    await second.getByLabel(/^Ngày, tháng, năm sinh/).fill('03/04/2018');
    await second.getByLabel(/^Mối quan hệ với chủ hộ/).fill('Con');
    await app.waitSaved();

    // The photo: picked from the files, shrunk off the main thread, shown as a thumbnail.
    const proof = page.getByRole('group', { name: PROOF });
    expect(await proof.getByLabel('Chụp ảnh').getAttribute('capture')).toBe('environment');
    await proof.getByLabel('Chọn tệp').setInputFiles({ name: 'hop-dong-thue-nha.png', mimeType: 'image/png', buffer: png });
    await thumbnailShown(page, 'hop-dong-thue-nha.jpg');
    await proof.getByRole('button', { name: 'Bỏ tệp hop-dong-thue-nha.jpg' }).waitFor();
    await app.waitSaved();
    expect(await axeViolations(page), 'axe violations with a thumbnail').toEqual([]);

    // The draft holds a ref to the compressed JPEG, and the phone holds only that JPEG.
    const draft = (await readPhone(page)).drafts[0]!;
    const ref = (draft.answers.lawfulHomeProof as Ref[])[0]!;
    expect(ref).toMatchObject({ name: 'hop-dong-thue-nha.jpg', type: 'image/jpeg' });
    const blobs = await readPhoneBlobs(page);
    expect(blobs).toHaveLength(1);
    const stored = blobs[0]!;
    const phoneBytes = Buffer.from(stored.base64, 'base64');
    expect(stored.sha256).toBe(ref.sha256);
    expect(createHash('sha256').update(phoneBytes).digest('hex')).toBe(ref.sha256);
    expect(phoneBytes.byteLength).toBe(ref.size);
    expect(stored.type).toBe('image/jpeg');
    expect(phoneBytes.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    expect(Math.max(stored.width, stored.height)).toBe(1600);
    expect(stored.width / stored.height).toBeCloseTo(2400 / 1800, 2);
    expect(phoneBytes.byteLength).toBeLessThanOrEqual(250 * 1024);

    // The battery dies; the photo is still in the draft.
    await profile.kill();
    context = await profile.launch();
    await context.setOffline(true);
    app = new AppPage(context.pages()[0] ?? (await context.newPage()));
    await app.open(server.origin);
    page = app.page;
    await page.getByRole('button', { name: /^Điền tiếp\s*: Nguyễn Thị Hoa$/ }).click();
    await page.getByRole('heading', { level: 1, name: /Đăng ký tạm trú/ }).waitFor();
    await thumbnailShown(page, 'hop-dong-thue-nha.jpg');

    // Review lists the file; consent; submit with no signal.
    await page.getByRole('button', { name: 'Xem lại trước khi nộp' }).click();
    await page.getByText('Đã điền đủ các mục bắt buộc.').waitFor();
    await page.getByRole('region', { name: 'Ảnh giấy tờ' }).getByText('Đã có 1 tệp.').waitFor();
    await page.getByRole('checkbox', { name: /Tôi đã đọc và đồng ý/ }).check();
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await app.homeFromReceipt();
    await app.pendingCount().filter({ hasText: '1 hồ sơ chờ gửi' }).waitFor();
    expect((await readPhoneBlobs(page)).map((b) => b.sha256)).toEqual([ref.sha256]);

    // The network returns: one dossier, and exactly the phone's bytes.
    await server.start();
    await context.setOffline(false);
    await app.dossierCodes().first().waitFor({ timeout: 60_000 });
    const rows = serverRows();
    expect(rows.dossiers).toHaveLength(1);
    expect(JSON.parse(rows.dossiers[0]!.answers_json)).toMatchObject({ lawfulHomeProof: [ref], memberCount: 2 });
    expect(rows.blobs).toHaveLength(1);
    const onServer = rows.blobs[0]!;
    expect(onServer).toMatchObject({ sha256: ref.sha256, content_type: 'image/jpeg', size: ref.size });
    expect(Buffer.compare(Buffer.from(onServer.bytes), phoneBytes)).toBe(0);
    expect(createHash('sha256').update(onServer.bytes).digest('hex')).toBe(ref.sha256);

    // The commune has it: the phone keeps no copy.
    await expect.poll(async () => (await readPhoneBlobs(page)).length).toBe(0);
    await context.setOffline(true);
  });
});
