/**
 * The one-stop shop's console in a real Chromium over a real server and SQLite file: an officer
 * logs in at /can-bo/, a dossier a resident's phone sent appears in the inbox, receiving it gives
 * a receipt (Mẫu 01) whose printed PDF (CDP Page.printToPDF, read with pdftotext) holds the code,
 * the name, the due date and the officer; a supplement request reaches the phone with its reasons;
 * a second dossier goes through processing, result and return and its history shows each step;
 * a leader cannot change a status (403, nothing changed); axe finds no violation on any screen.
 * With SCREENSHOTS=dir, every console screen is saved at 1280 px in Vietnamese and English.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppPage } from './app-page';
import { expectAccessible } from './axe';
import { BrowserProfile, ServerProcess } from './harness';
import { seedOutbox, validSubmission } from './phone-db';

let server: ServerProcess;
let profile: BrowserProfile;
const SHOTS = process.env.SCREENSHOTS;
const OFFICER_PASSWORD = 'mot cua xa hoang hoa';

beforeAll(async () => {
  server = await ServerProcess.create();
  await server.start();
  profile = new BrowserProfile();
});

afterAll(async () => {
  await profile?.dispose();
  await server?.dispose();
});

function rows<T>(sql: string, ...params: unknown[]): T[] {
  const db = new Database(server.databasePath, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

class Staff {
  private cookie = '';
  constructor(private readonly origin: string) {}
  async call(method: string, path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
    const response = await fetch(`${this.origin}${path}`, {
      method,
      headers: {
        origin: this.origin,
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const set = response.headers.get('set-cookie');
    if (set) this.cookie = set.split(';')[0] ?? '';
    const text = await response.text();
    return { status: response.status, json: text && text.startsWith('{') ? (JSON.parse(text) as Record<string, unknown>) : {} };
  }
}

async function setupToken(): Promise<string> {
  await expect.poll(() => /thiet-lap#([A-Za-z0-9_-]{43})/.exec(server.output)?.[1], { timeout: 10_000 }).toBeTruthy();
  return /thiet-lap#([A-Za-z0-9_-]{43})/.exec(server.output)![1]!;
}

async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** The page printed to A4 by Chromium itself, as text. */
async function printedText(context: BrowserContext, page: Page): Promise<string> {
  const cdp = await context.newCDPSession(page);
  const { data } = (await cdp.send('Page.printToPDF', { printBackground: true, preferCSSPageSize: true })) as { data: string };
  const dir = mkdtempSync(join(tmpdir(), 'mcld-pdf-'));
  const pdf = join(dir, 'phieu.pdf');
  writeFileSync(pdf, Buffer.from(data, 'base64'));
  return execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
}

async function phoneSends(phone: Page, name: string): Promise<string> {
  const item = validSubmission(name);
  await seedOutbox(phone, [item]);
  await phone.reload();
  await phone
    .getByRole('listitem')
    .filter({ hasText: name })
    .filter({ hasText: /\d{5}-\d{6}-/ })
    .waitFor();
  return rows<{ dossier_code: string }>('SELECT dossier_code FROM dossiers WHERE id = ?', item.id)[0]!.dossier_code;
}

async function act(page: Page, action: string, fill?: () => Promise<void>): Promise<void> {
  await page.getByRole('button', { name: action, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await fill?.();
  await dialog.getByRole('button', { name: new RegExp(`^Xác nhận: ${action}$`) }).click();
  await page.getByRole('status').filter({ hasText: 'Đã lưu' }).waitFor();
}

describe('the one-stop shop console', () => {
  it('receives a phone’s dossier with a printed receipt, requests a supplement the phone sees, and follows another to its return', async () => {
    const admin = new Staff(server.origin);
    expect(
      (
        await admin.call('POST', '/api/v1/auth/setup', {
          token: await setupToken(),
          username: 'quantri',
          displayName: 'Quản trị xã',
          password: 'quan tri xa hoang hoa',
        })
      ).status,
    ).toBe(201);
    for (const [username, displayName, role] of [
      ['hoa.nt', 'Nguyễn Thị Hoa', 'officer'],
      ['lanh.dao', 'Lê Văn Lãnh', 'leader'],
    ] as const) {
      expect((await admin.call('POST', '/api/v1/staff', { username, displayName, role, password: OFFICER_PASSWORD })).status).toBe(201);
    }
    const settings = {
      officeName: 'UBND xã Hoằng Hóa — Bộ phận Một cửa',
      address: 'Thôn Trung Đoài, xã Hoằng Hóa, tỉnh Thanh Hóa',
      saturdayMorningReception: false,
      collection: { bin: '970436', account: '0011001234567', accountName: 'UBND XA HOANG HOA' },
    };
    expect((await admin.call('PUT', '/api/v1/settings', settings)).status).toBe(200);

    const context = await profile.launch();
    try {
      const phone = context.pages()[0] ?? (await context.newPage());
      await new AppPage(phone).open(server.origin);
      await phone.getByTestId('device-status').waitFor();
      const first = await phoneSends(phone, 'Trần Thị Bích');
      const second = await phoneSends(phone, 'Phạm Văn Dũng');
      expect(rows('SELECT status FROM dossiers')).toEqual([{ status: 'submitted' }, { status: 'submitted' }]);

      const page = await context.newPage();
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`${server.origin}/can-bo/`);
      await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
      await expectAccessible(page, 'console login');
      await shot(page, 'login-vi');
      await page.getByLabel('Tên đăng nhập').fill('hoa.nt');
      await page.getByLabel('Mật khẩu').fill(OFFICER_PASSWORD);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      // An account an admin created must choose its own password first.
      await page.getByText('Anh/chị cần đặt mật khẩu mới trước khi làm việc.').waitFor();
      await expectAccessible(page, 'console forced password change');
      await page.getByLabel('Mật khẩu hiện tại').fill(OFFICER_PASSWORD);
      await page.getByLabel('Mật khẩu mới (ít nhất 10 ký tự)').fill('hoa mot cua tiep nhan');
      await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();

      // The inbox lists both, waiting for reception, and finds one by a name typed without diacritics.
      await page.getByRole('heading', { name: 'Hồ sơ đến' }).waitFor();
      await page.getByRole('row').filter({ hasText: first }).filter({ hasText: 'Chờ tiếp nhận' }).waitFor();
      await page.getByRole('row').filter({ hasText: second }).waitFor();
      await expectAccessible(page, 'console inbox');
      await shot(page, 'inbox-vi');
      await page.getByLabel('Tìm theo mã hồ sơ, họ tên, CCCD, số điện thoại').fill('tran thi bich');
      await page.getByRole('button', { name: 'Tìm', exact: true }).click();
      await expect.poll(() => page.getByRole('row').filter({ hasText: second }).count()).toBe(0);
      await page.getByRole('row').filter({ hasText: first }).waitFor();

      // Tiếp nhận: the documents ticked, the appointment computed by the server.
      await page.getByRole('link', { name: first }).click();
      await page.getByRole('heading', { level: 1, name: new RegExp(first) }).waitFor();
      await page.getByText('Trần Thị Bích').first().waitFor();
      await expectAccessible(page, 'console dossier');
      await shot(page, 'dossier-vi');
      await act(page, 'Tiếp nhận', async () => {
        const dialog = page.getByRole('dialog');
        await dialog.getByRole('checkbox').first().check();
        await expectAccessible(page, 'console receive dialog');
        await shot(page, 'receive-dialog-vi');
      });
      await page.getByText('Hẹn trả kết quả:').waitFor();
      const [stored] = rows<{ status: string; due_at: number }>('SELECT status, due_at FROM dossiers WHERE dossier_code = ?', first);
      expect(stored?.status).toBe('received');
      expect(stored?.due_at).toBeGreaterThan(Date.now());

      // Mẫu 01, printed by Chromium to A4.
      await page.getByRole('link', { name: /Mẫu 01/ }).click();
      await page.getByRole('heading', { name: /giấy tiếp nhận hồ sơ và hẹn trả kết quả/i }).waitFor();
      await expectAccessible(page, 'console receipt 01');
      await shot(page, 'receipt-01');
      const receipt = await printedText(context, page);
      const due = new Date(stored!.due_at + 7 * 3600_000);
      const two = (n: number) => String(n).padStart(2, '0');
      const dueText = `${two(due.getUTCHours())}:${two(due.getUTCMinutes())} ${two(due.getUTCDate())}/${two(due.getUTCMonth() + 1)}/${due.getUTCFullYear()}`;
      for (const expected of [first, 'Trần Thị Bích', dueText, 'Nguyễn Thị Hoa', 'UBND XÃ HOẰNG HÓA']) {
        expect(receipt.toUpperCase(), `receipt holds ${expected}`).toContain(expected.toUpperCase());
      }
      await page.getByRole('link', { name: 'Về hồ sơ' }).click();

      // Yêu cầu bổ sung with a reason: the phone's next pull shows it.
      await act(page, 'Yêu cầu bổ sung', async () => {
        await page.getByRole('dialog').getByRole('textbox', { name: /Lý do/ }).fill('Ảnh CCCD bị mờ, chụp lại mặt sau');
      });
      await page.getByRole('link', { name: /Mẫu 02/ }).click();
      await page.getByRole('heading', { name: /phiếu yêu cầu bổ sung, hoàn thiện hồ sơ/i }).waitFor();
      await shot(page, 'form-02');
      expect(await printedText(context, page)).toContain('Ảnh CCCD bị mờ, chụp lại mặt sau');
      await phone.reload();
      const onPhone = phone.getByRole('listitem').filter({ hasText: first });
      await onPhone.getByText('Cần bổ sung giấy tờ').waitFor();
      await onPhone.getByText(/Ảnh CCCD bị mờ, chụp lại mặt sau/).waitFor();

      // A leader may read reports only: a status change is 403 and changes nothing.
      const leader = new Staff(server.origin);
      expect((await leader.call('POST', '/api/v1/auth/login', { username: 'lanh.dao', password: OFFICER_PASSWORD })).status).toBe(200);
      // Created by an admin, the account chooses its own password before anything else.
      expect((await leader.call('POST', '/api/v1/auth/password', { current: OFFICER_PASSWORD, next: 'lanh dao xem bao cao' })).status).toBe(
        200,
      );
      const refused = await leader.call('POST', `/api/v1/dossiers/${second}/actions`, { action: 'receive' });
      expect(refused.status).toBe(403);
      expect(refused.json.error).toBe('forbidden');
      expect(rows('SELECT status FROM dossiers WHERE dossier_code = ?', second)).toEqual([{ status: 'submitted' }]);

      // The second dossier through processing, result and return: the history shows every step.
      await page.goto(`${server.origin}/can-bo/ho-so/${second}`);
      await page.getByRole('heading', { level: 1, name: new RegExp(second) }).waitFor();
      await act(page, 'Tiếp nhận');
      await act(page, 'Chuyển xử lý');
      await act(page, 'Có kết quả', async () => {
        await page.getByRole('dialog').getByLabel('Kết quả', { exact: true }).fill('Xác nhận đăng ký tạm trú');
      });
      await act(page, 'Đã trả kết quả', async () => {
        await page.getByRole('dialog').getByLabel('Người nhận kết quả').fill('Phạm Văn Dũng');
      });
      const history = page.getByRole('region', { name: 'Lịch sử' }).getByRole('listitem');
      await expect.poll(() => history.count()).toBe(5);
      await history.filter({ hasText: 'Có kết quả → Đã trả kết quả' }).filter({ hasText: 'Nguyễn Thị Hoa' }).waitFor();
      expect(
        rows(
          'SELECT sc.status FROM status_changes sc JOIN dossiers d ON d.id = sc.dossier_id WHERE d.dossier_code = ? ORDER BY sc.seq',
          second,
        ),
      ).toEqual(['submitted', 'received', 'processing', 'result-ready', 'returned'].map((status) => ({ status })));
      await expectAccessible(page, 'console dossier returned');

      // The other screens, each checked by axe (officer: register; admin: accounts, devices, settings).
      await page.getByRole('link', { name: 'Sổ theo dõi' }).click();
      await page.getByRole('heading', { name: 'Sổ theo dõi hồ sơ' }).waitFor();
      await expectAccessible(page, 'console register');
      await shot(page, 'register-vi');
      await page.getByRole('link', { name: 'Đổi mật khẩu' }).click();
      await page.getByRole('heading', { name: 'Đổi mật khẩu' }).waitFor();
      await expectAccessible(page, 'console password');
      await page.getByRole('button', { name: 'Đăng xuất' }).click();
      await page.getByLabel('Tên đăng nhập').fill('quantri');
      await page.getByLabel('Mật khẩu').fill('quan tri xa hoang hoa');
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      for (const [link, heading, name] of [
        ['Tài khoản', 'Tài khoản cán bộ', 'staff'],
        ['Thiết bị', 'Thiết bị', 'devices'],
        ['Cài đặt', 'Cài đặt của xã', 'settings'],
      ] as const) {
        await page.getByRole('link', { name: link, exact: true }).click();
        await page.getByRole('heading', { level: 1, name: heading }).waitFor();
        await expectAccessible(page, `console ${name}`);
        await shot(page, `${name}-vi`);
      }
      // English, complete: the same screens in the other language.
      await page.getByRole('button', { name: 'English', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Commune settings' }).waitFor();
      await expectAccessible(page, 'console settings (en)');
      await shot(page, 'settings-en');
      await page.getByRole('link', { name: 'Inbox' }).click();
      await page.getByRole('heading', { name: 'Inbox' }).waitFor();
      await expectAccessible(page, 'console inbox (en)');
      await shot(page, 'inbox-en');
      await page.goto(`${server.origin}/can-bo/ho-so/${first}`);
      await page.getByRole('heading', { name: 'History' }).waitFor();
      await expectAccessible(page, 'console dossier (en)');
      await shot(page, 'dossier-en');
    } finally {
      await profile.close();
    }
  });
});
