/**
 * An outreach phone end to end: the first admin comes from the one-time setup link the server
 * prints, an officer-side API makes an enrolment code, the phone takes it at /dang-ky-may#CODE
 * and says whose device it is; its dossier is stored as that staff member's, and a status the
 * one-stop shop sets comes back to it. Revoked, the phone says so in plain words, keeps its
 * queue, and the server stores nothing more from it.
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserProfile, ServerProcess } from './harness';
import { seedOutbox, validSubmission } from './phone-db';
import { StaffApi as Staff, setupLinkToken as linkToken } from './staff-api';

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

describe('an outreach phone', () => {
  it('is enrolled with a code, sends as its staff member, follows the status, and once revoked keeps its queue', async () => {
    const admin = new Staff(server.origin);
    const setup = await admin.call('POST', '/api/v1/auth/setup', {
      token: await linkToken(server),
      username: 'quantri',
      displayName: 'Quản trị xã',
      password: 'mot cua luu dong 2026',
    });
    expect(setup.status).toBe(201);
    const hoa = await admin.call('POST', '/api/v1/staff', {
      username: 'hoa.nt',
      displayName: 'Nguyễn Thị Hoa',
      role: 'outreach',
      villageId: 'thon-3',
      password: 'to cong tac thon ba',
    });
    expect(hoa.status).toBe(201);
    const enrolment = await admin.call('POST', '/api/v1/devices/enrolments', { username: 'hoa.nt' });
    expect(enrolment.status).toBe(201);
    const { url } = enrolment.json as { url: string };

    const context = await profile.launch();
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(`${server.origin}${url}`);
      // The code is taken out of the address bar at once.
      await page.waitForURL(`${server.origin}/dang-ky-may`);
      await page.getByRole('button', { name: 'Đăng ký máy này' }).click();
      await page.getByTestId('enrol-done').getByText('Máy này đã là máy của Nguyễn Thị Hoa.').waitFor();

      await page.goto(`${server.origin}/`);
      await page.getByTestId('device-status').getByText('Máy của: Nguyễn Thị Hoa (tổ công tác)').waitFor();
      const first = validSubmission('Lò Văn Páo');
      await seedOutbox(page, [first]);
      await page.reload();
      // Sent when the app starts: the dossier comes back with its code.
      await page
        .getByRole('listitem')
        .filter({ hasText: 'Lò Văn Páo' })
        .filter({ hasText: /\d{5}-\d{6}-/ })
        .waitFor();
      const stored = rows<{ id: string; dossier_code: string; device_kind: string }>('SELECT id, dossier_code, device_kind FROM dossiers');
      expect(stored.map((d) => [d.id, d.device_kind])).toEqual([[first.id, 'staff']]);

      // The one-stop shop acts; the phone's next sync brings the new status back.
      const code = stored[0]!.dossier_code;
      const read = await admin.call('GET', `/api/v1/dossiers/${code}`);
      expect(read.status).toBe(200);
      // A pushed dossier waits as "submitted" until the one-stop shop receives it.
      for (const step of ['receive', 'start-processing']) {
        const action = await admin.call('POST', `/api/v1/dossiers/${code}/actions`, { action: step });
        expect([200, 201]).toContain(action.status);
      }
      await page.reload();
      await page.getByRole('listitem').filter({ hasText: code }).getByText('Đang xử lý').waitFor();

      // Revoked: the next sync answers device-revoked; the phone says so and keeps what is queued.
      const listed = await admin.call('GET', '/api/v1/devices');
      const devices = listed.json.devices as Array<{ deviceId: string; kind: string; staff?: { username: string } }>;
      const device = devices.find((d) => d.staff?.username === 'hoa.nt');
      expect(device?.kind).toBe('staff');
      const revoked = await admin.call('POST', `/api/v1/devices/${device!.deviceId}/revoke`, {});
      expect(revoked.status).toBe(200);
      const second = validSubmission('Vừ Thị Dua');
      await seedOutbox(page, [second]);
      await page.reload();
      await page.getByTestId('device-revoked').getByText('Máy này không còn được gửi hồ sơ.').waitFor();
      await page
        .getByTestId('pending-count')
        .getByText(/1 hồ sơ/)
        .waitFor();
      expect(rows('SELECT id FROM dossiers')).toHaveLength(1);
      await page.getByRole('link', { name: 'Chép hồ sơ chưa gửi ra tệp' }).click();
      await page.getByRole('heading', { level: 1, name: 'Chuyển hồ sơ qua tệp' }).waitFor();
    } finally {
      await profile.close();
    }
  });
});
