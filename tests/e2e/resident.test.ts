/**
 * The resident's side in real Chromium against the real server: a dossier submitted with no
 * signal shows its receipt ("Đã lưu trên máy…"), and the code appears on the same screen when the
 * network returns; an officer's supplement request reaches the receipt's story with its reasons;
 * a second, fresh phone follows the dossier by code and the last 4 CCCD digits (wrong digits
 * are told apart from a wait, and the wait comes after 5 misses); unknown paths get a not-found
 * page. Every screen: no sideways scroll at 360 px, targets ≥ 44 px, axe clean, its own title,
 * one h1, in Vietnamese and in English (screenshots in tests/e2e/.artifacts/resident/).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatVnDate, vietnamDateOf } from '../../src/domain/dates';
import { AppPage } from './app-page';
import { expectAccessible } from './axe';
import { BrowserProfile, ServerProcess, waitForServiceWorker } from './harness';
import { firstAdmin } from './staff-api';

const SHOTS = join(import.meta.dirname, '.artifacts', 'resident');

let server: ServerProcess;
let phoneA: BrowserProfile;
let phoneB: BrowserProfile;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await ServerProcess.create();
  await server.start();
  phoneA = new BrowserProfile();
  phoneB = new BrowserProfile();
});

afterAll(async () => {
  await phoneA?.dispose();
  await phoneB?.dispose();
  await server?.dispose();
});

function storedDossiers(): Array<{ id: string; dossier_code: string }> {
  const db = new Database(server.databasePath, { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT id, dossier_code FROM dossiers').all() as Array<{ id: string; dossier_code: string }>;
  } finally {
    db.close();
  }
}

function followLinks(): number {
  const db = new Database(server.databasePath, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM dossier_devices').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/** What a screen looks like to a thumb and to a screen reader; a screenshot to look at. */
async function checkScreen(page: Page, name: string): Promise<void> {
  const layout = await page.evaluate(() => {
    const small: string[] = [];
    for (const el of document.querySelectorAll('main button, main .btn, main input, main label.choice')) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.height < 44) small.push(`${el.tagName} ${el.textContent?.trim().slice(0, 30)} ${Math.round(r.height)}`);
    }
    return {
      overflow: document.documentElement.scrollWidth - window.innerWidth,
      small,
      h1: document.querySelectorAll('h1').length,
      title: document.title,
    };
  });
  expect(layout.overflow, `${name}: sideways scroll`).toBeLessThanOrEqual(0);
  expect(layout.small, `${name}: small targets`).toEqual([]);
  expect(layout.h1, `${name}: one h1`).toBe(1);
  expect(layout.title, `${name}: its own title`).toMatch(/.+ · Một Cửa Lưu Động$|^Một Cửa Lưu Động: /);
  await expectAccessible(page, name);
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** The same screen in English, checked, then back to Vietnamese. */
async function checkBothLanguages(page: Page, name: string, englishHeading: string | RegExp): Promise<void> {
  await checkScreen(page, `${name}-vi`);
  await page.getByRole('button', { name: 'Chuyển sang tiếng Anh' }).click();
  await page.getByRole('heading', { level: 1, name: englishHeading }).waitFor();
  await checkScreen(page, `${name}-en`);
  await page.getByRole('button', { name: 'Switch to Vietnamese' }).click();
  await page.getByRole('button', { name: 'Chuyển sang tiếng Anh' }).waitFor();
}

describe("the resident's side", () => {
  it('receipt offline then online, the story with a supplement request, following from a fresh phone, the wait after misses', async () => {
    const admin = await firstAdmin(server);
    const contextA = await phoneA.launch();
    const app = new AppPage(contextA.pages()[0] ?? (await contextA.newPage()));
    await app.open(server.origin);
    await app.page.getByTestId('home-intro').getByRole('link', { name: 'Theo dõi hồ sơ đã nộp' }).waitFor();
    await checkBothLanguages(app.page, 'home', /Online public services, from home/);
    await waitForServiceWorker(app.page);

    // No signal: fill and submit; the receipt says the dossier is safe on the phone.
    await contextA.setOffline(true);
    await app.startTemporaryResidence();
    await app.fill(/Họ, chữ đệm và tên/, 'Nguyễn Thị Hoa');
    await app.fill(/Ngày, tháng, năm sinh/, '12/05/1990');
    await app.choose('Nữ');
    await app.fill(/Số định danh cá nhân/, '038190012345');
    await app.fill(/Số điện thoại/, '0912 345 678');
    await app.typeAddress(/Địa chỉ đăng ký tạm trú/, 'Số 5 ngõ 12, Phường Ba Đình, Thành phố Hà Nội');
    await app.fill(/Nội dung đề nghị/, 'Đi làm');
    await app.fill(/Ngày bắt đầu tạm trú/, formatVnDate(vietnamDateOf(Date.now())));
    await app.reviewAndSubmit({ stayOnReceipt: true });
    const receipt = app.page.getByTestId('receipt');
    await receipt.getByTestId('receipt-waiting').getByText('Đã lưu trên máy, sẽ tự gửi khi có mạng.').waitFor();
    expect(await receipt.getByTestId('receipt-procedure').textContent()).toMatch(/tạm trú/i);
    expect(await receipt.getByTestId('receipt-applicant').textContent()).toBe('Nguyễn Thị Hoa');
    expect(await receipt.getByTestId('receipt-expected').textContent()).toMatch(/\d{2}\/\d{2}\/\d{4} \(dự kiến/);
    expect(await receipt.getByTestId('timeline-step').allTextContents()).toEqual([expect.stringMatching(/^Đã lưu trên máy/)]);
    expect(storedDossiers()).toHaveLength(0);
    await checkScreen(app.page, 'receipt-queued-vi');

    // The network returns: the same screen shows the code, with no reload and no tap.
    await contextA.setOffline(false);
    const codeOnScreen = receipt.getByTestId('receipt-code');
    await codeOnScreen.waitFor({ timeout: 60_000 });
    const stored = storedDossiers();
    expect(stored).toHaveLength(1);
    const code = stored[0]!.dossier_code;
    expect((await codeOnScreen.textContent())?.trim()).toBe(code);
    await receipt.getByTestId('timeline-step').filter({ hasText: 'Đã gửi tới xã' }).waitFor();
    await checkBothLanguages(app.page, 'receipt-sent', 'Dossier receipt');
    await phoneA.close();

    // A fresh phone follows it: first a wrong tail, then the right one.
    const contextB = await phoneB.launch();
    const pageB = contextB.pages()[0] ?? (await contextB.newPage());
    await pageB.goto(`${server.origin}/`);
    await pageB.getByTestId('home-intro').getByRole('link', { name: 'Theo dõi hồ sơ đã nộp' }).click();
    await pageB.getByRole('heading', { level: 1, name: 'Theo dõi hồ sơ' }).waitFor();
    await checkBothLanguages(pageB, 'follow', 'Follow a dossier');
    const codeField = pageB.getByLabel('Mã hồ sơ');
    const digitsField = pageB.getByLabel('4 số cuối CCCD hoặc số điện thoại');
    const ask = pageB.getByRole('button', { name: 'Xem tình trạng' });

    // Typed wrong: said next to each field, nothing asked of the server, what was typed kept.
    await codeField.fill('15865-2607');
    await digitsField.fill('12');
    await ask.click();
    await pageB.getByTestId('follow-code-error').waitFor();
    await pageB.getByTestId('follow-digits-error').getByText('Vui lòng nhập đúng 4 chữ số.').waitFor();
    expect(await codeField.inputValue()).toBe('15865-2607');
    expect(await codeField.getAttribute('aria-invalid')).toBe('true');
    await checkScreen(pageB, 'follow-errors-vi');

    await codeField.fill(code.toLowerCase());
    await digitsField.fill('9999');
    await ask.click();
    await pageB
      .getByTestId('follow-error')
      .getByText(/Không tìm thấy hồ sơ có mã và 4 số này/)
      .waitFor();
    expect(followLinks()).toBe(1);

    await digitsField.fill('2345');
    await ask.click();
    const followed = pageB.getByTestId('receipt');
    await followed.getByTestId('receipt-code').getByText(code).waitFor();
    await followed.getByText('Hồ sơ này được theo dõi bằng mã').waitFor();
    expect(await followed.getByTestId('receipt-applicant').count()).toBe(0);
    expect(await followed.textContent()).not.toContain('Nguyễn Thị Hoa');
    // This phone never held it: its story starts at the commune, not "saved on this phone".
    expect(await followed.getByTestId('timeline-step').first().textContent()).not.toMatch(/Đã lưu trên máy|Đã gửi tới xã/);
    expect(followLinks()).toBe(2);
    await checkScreen(pageB, 'receipt-followed-vi');

    // The officer asks for a paper: the phone that sent it shows the reasons in the story, and the
    // phone that follows it by code gets the new status by pull too.
    const asked = await admin.call('POST', `/api/v1/dossiers/${code}/actions`, {
      action: 'request-supplement',
      note: 'Thiếu bản sao hợp đồng thuê nhà',
    });
    expect(asked.status).toBe(200);
    await pageB.reload();
    await followed.getByTestId('timeline-step').filter({ hasText: 'Cần bổ sung' }).waitFor({ timeout: 60_000 });

    const contextA2 = await phoneA.launch();
    const pageA = contextA2.pages()[0] ?? (await contextA2.newPage());
    await pageA.goto(`${server.origin}/ho-so`);
    await pageA.getByRole('link', { name: `Xem biên nhận: ${code}` }).click();
    const receiptA = pageA.getByTestId('receipt');
    const supplement = receiptA.getByTestId('timeline-step').filter({ hasText: 'Cần bổ sung' });
    await supplement.getByText('Lý do: Thiếu bản sao hợp đồng thuê nhà').waitFor({ timeout: 60_000 });
    expect(await supplement.getAttribute('aria-current')).toBe('step');
    await checkScreen(pageA, 'receipt-supplement-vi');
    await phoneA.close();

    // Guessing: after 5 misses from this phone, even the right digits wait, and the phone says how long.
    await pageB.goto(`${server.origin}/theo-doi`);
    for (const guess of ['0001', '0002', '0003', '0004']) {
      await codeField.fill(code);
      await digitsField.fill(guess);
      await ask.click();
      await pageB
        .getByTestId('follow-error')
        .getByText(/Không tìm thấy/)
        .waitFor();
      await expect.poll(() => ask.isDisabled()).toBe(false);
    }
    await digitsField.fill('2345');
    await ask.click();
    await pageB
      .getByTestId('follow-error')
      .getByText(/Đã thử sai nhiều lần. Hãy chờ 1 phút/)
      .waitFor();
    expect(followLinks()).toBe(2);
  });

  it('an unknown path shows a not-found page with a way home', async () => {
    await phoneB.close();
    const context = await phoneB.launch();
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${server.origin}/khong-co-trang-nay`);
    await page.getByRole('heading', { level: 1, name: 'Không có trang này' }).waitFor();
    await checkBothLanguages(page, 'not-found', 'No such page');
    await page.getByRole('link', { name: 'Về trang chính' }).click();
    await page.getByTestId('home-intro').waitFor();
    await page.goto(`${server.origin}/ho-so`);
    await page.getByRole('heading', { level: 1, name: 'Hồ sơ' }).waitFor();
    await checkBothLanguages(page, 'dossiers', 'Dossiers');
    await phoneB.close();
  });
});
