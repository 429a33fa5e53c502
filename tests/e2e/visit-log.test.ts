/**
 * The household visit log end to end on an enrolled outreach phone: the village list comes down
 * once; with no network a visit is logged, a note holding an OTP is refused next to the field
 * (the text kept), the visit waits in the queue; when the network returns it is sent once, the
 * leaders' report counts it, and the CSV read back as UTF-8 holds the Vietnamese village name.
 * axe on the form and the list. With SCREENSHOT_DIR set, it also saves 360 px screenshots in
 * Vietnamese and English (looked at by hand).
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignReport } from '../../src/domain/campaign-report';
import { expectAccessible } from './axe';
import { BrowserProfile, ServerProcess, waitForServiceWorker } from './harness';

let server: ServerProcess;
let profile: BrowserProfile;
const SHOTS = process.env.SCREENSHOT_DIR;

beforeAll(async () => {
  server = await ServerProcess.create();
  await server.start();
  profile = new BrowserProfile();
});

afterAll(async () => {
  await profile?.dispose();
  await server?.dispose();
});

function visitRows(): { id: string; version: number; visit_json: string }[] {
  const db = new Database(server.databasePath, { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT id, version, visit_json FROM visits').all() as { id: string; version: number; visit_json: string }[];
  } finally {
    db.close();
  }
}

class Staff {
  private cookie = '';
  constructor(private readonly origin: string) {}
  async call(method: string, path: string, body?: unknown): Promise<{ status: number; text: string; json: () => unknown }> {
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
    return { status: response.status, text, json: () => JSON.parse(text) as unknown };
  }
}

async function setupLinkToken(): Promise<string> {
  await expect.poll(() => /thiet-lap#([A-Za-z0-9_-]{43})/.exec(server.output)?.[1], { timeout: 30_000 }).toBeTruthy();
  return /thiet-lap#([A-Za-z0-9_-]{43})/.exec(server.output)![1]!;
}

async function shoot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

describe('the household visit log', () => {
  it('logs a visit offline, refuses an OTP next to the field, sends it once, and the report and CSV count it', async () => {
    const admin = new Staff(server.origin);
    expect(
      (
        await admin.call('POST', '/api/v1/auth/setup', {
          token: await setupLinkToken(),
          username: 'quantri',
          displayName: 'Quản trị xã',
          password: 'mot cua luu dong 2026',
        })
      ).status,
    ).toBe(201);
    expect(
      (await admin.call('PUT', '/api/v1/villages/thon-3', { name: 'Thôn Bản Lướt', households: 40, targetHouseholds: 20 })).status,
    ).toBe(201);
    expect((await admin.call('PUT', '/api/v1/villages/thon-5', { name: 'Thôn Nà Hin', households: 25 })).status).toBe(201);
    const staff = await admin.call('POST', '/api/v1/staff', {
      username: 'hoa.nt',
      displayName: 'Nguyễn Thị Hoa',
      role: 'outreach',
      villageId: 'thon-3',
      password: 'to cong tac thon ba',
    });
    expect(staff.status).toBe(201);
    const enrolment = await admin.call('POST', '/api/v1/devices/enrolments', { username: 'hoa.nt' });
    const { url } = enrolment.json() as { url: string };

    const context = await profile.launch();
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(`${server.origin}${url}`);
      await page.getByRole('button', { name: 'Đăng ký máy này' }).click();
      await page.getByTestId('enrol-done').waitFor();
      await page.goto(`${server.origin}/`);
      await waitForServiceWorker(page);
      await page.getByRole('link', { name: 'Sổ đến hộ gia đình' }).click();
      await page.getByRole('heading', { level: 1, name: 'Sổ đến hộ gia đình' }).waitFor();
      // The village list reaches the phone while it is online (the form's picker then works offline).
      await page.getByRole('button', { name: 'Ghi lần đến hộ mới' }).click();
      await page.getByLabel('Thôn, tổ dân phố').locator('option', { hasText: 'Thôn Bản Lướt' }).waitFor({ state: 'attached' });
      await page.goBack();
      await page.getByRole('heading', { level: 1, name: 'Sổ đến hộ gia đình' }).waitFor();

      // No signal: the server is down and the browser offline.
      await server.stop();
      await context.setOffline(true);
      await page.reload();
      await page.getByRole('button', { name: 'Ghi lần đến hộ mới' }).click();
      await page.getByRole('heading', { level: 1, name: 'Lần đến hộ' }).waitFor();
      // The worker's own village is chosen already.
      await expect.poll(() => page.getByLabel('Thôn, tổ dân phố').inputValue()).toBe('thon-3');
      await page.getByLabel('Họ tên chủ hộ').fill('Lò Văn Páo');
      await page.getByLabel('Địa chỉ (số nhà, xóm, tổ)').fill('Số 12, xóm Bản Lướt');
      await page.getByLabel('Tài khoản định danh điện tử VNeID').check();
      await page.getByLabel('Đã hỗ trợ kích hoạt mức 1').check();
      await page.getByLabel('Đã cài ứng dụng này hoặc VNeID trên điện thoại của hộ').check();
      await page.getByLabel('Ghi chú').fill('Mã OTP 482 913 đã nhập');
      await page.getByRole('button', { name: 'Lưu và gửi' }).click();
      await page.getByText('Không ghi mã OTP hay mật khẩu VNeID. Vui lòng xóa dãy số này.').waitFor();
      expect(await page.getByLabel('Ghi chú').inputValue()).toBe('Mã OTP 482 913 đã nhập');
      await expectAccessible(page, 'visit form with an error');
      await shoot(page, 'visit-form-error-vi');
      await page.getByLabel('Ghi chú').fill('Hộ cần làm thủ tục tạm trú cho con');
      await page.getByRole('button', { name: 'Lưu và gửi' }).click();

      await page.getByRole('heading', { level: 1, name: 'Sổ đến hộ gia đình' }).waitFor();
      await page.getByTestId('visit-pending').getByText('1 lần đến hộ chờ gửi').waitFor();
      await page.getByTestId('visit-list').getByText('Chờ gửi').waitFor();
      await page.getByTestId('visit-progress').getByText('1 hộ').first().waitFor();
      await expectAccessible(page, 'visit log');
      await shoot(page, 'visit-log-offline-vi');

      // The network returns: the visit leaves by itself, once.
      await server.start();
      await context.setOffline(false);
      await page
        .getByTestId('visit-list')
        .getByText('Đã gửi')
        .waitFor({ timeout: 60_000 })
        .catch(async (error: unknown) => {
          const state = await page.evaluate(async () => {
            const db = await new Promise<IDBDatabase>((resolve, reject) => {
              const open = indexedDB.open('mot-cua-luu-dong');
              open.onsuccess = () => resolve(open.result);
              open.onerror = () => reject(open.error);
            });
            const all = (store: string) =>
              new Promise<unknown[]>((resolve) => {
                const req = db.transaction(store).objectStore(store).getAll();
                req.onsuccess = () => resolve(req.result as unknown[]);
              });
            return { visits: await all('visits'), queue: await all('visitQueue') };
          });
          throw new Error(`visit not sent: ${JSON.stringify(state)} server rows ${visitRows().length}; ${String(error)}`);
        });
      await expect.poll(() => visitRows().length).toBe(1);
      await page.reload();
      await page.getByTestId('visit-list').getByText('Đã gửi').waitFor();
      await page.getByTestId('visit-progress').getByText('Cả tổ (theo máy chủ): 1 hộ trong tháng').waitFor();
      const rows = visitRows();
      expect(rows).toHaveLength(1);
      expect(JSON.parse(rows[0]!.visit_json)).toMatchObject({
        householdHead: 'Lò Văn Páo',
        vneid: 'helped-level1',
        appInstalled: true,
        villageId: 'thon-3',
      });

      // Counted in the leaders' report, and the CSV read back as UTF-8 holds the Vietnamese names.
      const report = (await admin.call('GET', '/api/v1/reports/campaign?by=total')).json() as CampaignReport;
      expect(report.rows.find((r) => r.villageId === 'thon-3')).toMatchObject({ householdsVisited: 1, vneidHelped: 1, appInstalled: 1 });
      const csv = await fetch(`${server.origin}/api/v1/reports/campaign.csv?by=total`, {
        headers: { cookie: (admin as unknown as { cookie: string }).cookie },
      });
      const bytes = new Uint8Array(await csv.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      expect(text).toContain('"Thôn Bản Lướt","Cả kỳ",40,20,1,3%,5%,1,1,0,1,0,0');
      expect(text).toContain('"Thôn Nà Hin"');

      // The printable one-page summary a leader opens for the meeting (signed in: the admin's session).
      const [cookieName, cookieValue] = (admin as unknown as { cookie: string }).cookie.split('=') as [string, string];
      await context.addCookies([{ name: cookieName, value: cookieValue, url: server.origin }]);
      const print = await context.newPage();
      await print.setViewportSize({ width: 1280, height: 900 });
      await print.goto(`${server.origin}/api/v1/reports/campaign.html`);
      await print.getByRole('heading', { level: 1, name: 'Kết quả tuyên truyền dịch vụ công trực tuyến' }).waitFor();
      await print.getByRole('rowheader', { name: 'Thôn Bản Lướt' }).waitFor();
      await expectAccessible(print, 'printable report');
      await shoot(print, 'report-print-vi');
      await print.goto(`${server.origin}/api/v1/reports/campaign.html?lang=en`);
      await print.getByRole('heading', { level: 1, name: 'Online public services campaign: results' }).waitFor();
      await shoot(print, 'report-print-en');
      await print.close();

      if (SHOTS) {
        await page.getByRole('button', { name: 'Chuyển sang tiếng Anh' }).click();
        await page.getByRole('heading', { level: 1, name: 'Household visit log' }).waitFor();
        await shoot(page, 'visit-log-en');
        await page
          .getByRole('link', { name: /Lò Văn Páo/ })
          .first()
          .click();
        await page.getByRole('heading', { level: 1, name: 'Household visit' }).waitFor();
        await shoot(page, 'visit-form-en');
        await page.getByRole('button', { name: 'Switch to Vietnamese' }).click();
        await page.getByRole('heading', { level: 1, name: 'Lần đến hộ' }).waitFor();
        await shoot(page, 'visit-form-sent-vi');
      }
    } finally {
      await profile.close();
    }
  });
});
