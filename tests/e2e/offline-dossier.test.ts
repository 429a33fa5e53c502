/**
 * The foundation's promise, end to end in real Chromium against the real server: the app opens
 * with no network, a draft survives a killed browser, a dossier submitted offline is sent once
 * when the network returns, and its code and status come back to the phone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { AppPage } from './app-page';
import { BrowserProfile, ServerProcess, waitForServiceWorker } from './harness';

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

function dossierRows(): Array<{ id: string; dossier_code: string; answers_json: string }> {
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

describe('a dossier from a phone with no signal to the commune server and back', () => {
  it('installs, works offline, survives a kill, sends exactly once and shows the code', async () => {
    let context = await profile.launch();
    let app = new AppPage(context.pages()[0] ?? (await context.newPage()));
    await app.open(server.origin);
    await waitForServiceWorker(app.page);

    // Installable: the manifest the page links to has what a home-screen install needs.
    const manifest = await app.page.evaluate(async () => {
      const href = document.querySelector<HTMLLinkElement>('link[rel="manifest"]')?.href;
      return href ? ((await (await fetch(href)).json()) as Record<string, unknown>) : null;
    });
    expect(manifest).toMatchObject({ name: 'Một Cửa Lưu Động', display: 'standalone', start_url: expect.any(String) });

    // Language: switch to English and back; the choice survives a reload.
    await app.page.getByRole('button', { name: 'Chuyển sang tiếng Anh' }).click();
    await app.page.getByRole('heading', { level: 2, name: 'Online public services have 4 levels' }).waitFor();
    await app.page.reload();
    await app.page.getByRole('heading', { level: 2, name: 'Online public services have 4 levels' }).waitFor();
    expect(await app.page.evaluate(() => document.documentElement.lang)).toBe('en');
    await app.page.getByRole('button', { name: 'Switch to Vietnamese' }).click();
    await app.page.getByRole('heading', { level: 2, name: 'Dịch vụ công trực tuyến có 4 mức độ' }).waitFor();

    // No signal at all: the server is down and the browser is offline. The app still opens.
    await server.stop();
    await context.setOffline(true);
    await app.page.reload();
    await app.page.getByRole('heading', { level: 2, name: 'Dịch vụ công trực tuyến có 4 mức độ' }).waitFor();
    expect(await app.page.getByRole('listitem').filter({ hasText: 'Mức độ 4' }).count()).toBe(1);

    // Fill part of the form offline; every change is saved at once.
    await app.startTemporaryResidence();
    await app.fill(/Họ, chữ đệm và tên/, 'Nguyễn Thị Hoa');
    await app.fill(/Ngày, tháng, năm sinh/, '12/05/1990');
    await app.choose('Nữ');
    // A CCCD whose sex digit says "male" gets a message next to the field, and is kept as typed.
    await app.fill(/Số định danh cá nhân/, '038090012345');
    await app.field(/Số điện thoại/).focus();
    await app.page.getByText('Số thứ 4 của CCCD không khớp với giới tính đã chọn.').waitFor();
    await app.fill(/Số điện thoại/, '0912 345 678');

    // The battery dies mid-form.
    await profile.kill();
    context = await profile.launch();
    await context.setOffline(true);
    app = new AppPage(context.pages()[0] ?? (await context.newPage()));
    await app.open(server.origin);

    // On return the draft is offered and reopens where it was, with everything typed.
    await app.page.getByRole('heading', { name: 'Tờ khai đang điền dở' }).waitFor();
    await app.page.getByRole('button', { name: 'Điền tiếp' }).click();
    await app.page.getByRole('heading', { level: 1, name: /Đăng ký tạm trú/ }).waitFor();
    expect(await app.field(/Họ, chữ đệm và tên/).inputValue()).toBe('Nguyễn Thị Hoa');
    expect(await app.field(/Ngày, tháng, năm sinh/).inputValue()).toBe('12/05/1990');
    expect(await app.page.getByRole('radio', { name: 'Nữ' }).isChecked()).toBe(true);
    expect(await app.field(/Số định danh cá nhân/).inputValue()).toBe('038090012345');
    expect(await app.field(/Số điện thoại/).inputValue()).toBe('0912 345 678');
    await expect.poll(() => app.page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('phone');

    // Finish and submit while still offline.
    await app.fill(/Số định danh cá nhân/, '038190012345');
    await app.typeAddress(/Địa chỉ đăng ký tạm trú/, 'Số 5 ngõ 12, Phường Ba Đình, Thành phố Hà Nội');
    // NFD input (as some keyboards send it) is stored in NFC.
    await app.fill(/Nội dung đề nghị/, 'Đi làm'.normalize('NFD'));
    await app.fill(/Ngày bắt đầu tạm trú/, '01/12/2026');
    await app.reviewAndSubmit();
    await app.pendingCount().filter({ hasText: '1 hồ sơ chờ gửi' }).waitFor();
    await app.page.getByText('Chờ gửi', { exact: true }).last().waitFor();
    expect(dossierRows()).toHaveLength(0);

    // The network returns: the dossier leaves by itself, once.
    await server.start();
    await context.setOffline(false);
    await app.dossierCodes().first().waitFor({ timeout: 60_000 });
    const code = (await app.dossierCodes().first().textContent())?.trim();
    const rows = dossierRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.dossier_code).toBe(code);
    expect(JSON.parse(rows[0]?.answers_json ?? '{}')).toMatchObject({ reason: 'Đi làm'.normalize('NFC'), phone: '0912345678' });
    await app.page.getByTestId('dossier-status').filter({ hasText: 'Đã tiếp nhận' }).waitFor();
    await app.pendingCount().filter({ hasText: 'Không có hồ sơ nào chờ gửi.' }).waitFor();

    // Sending again (button, reload) never makes a second copy.
    await app.page.reload();
    await app.dossierCodes().first().waitFor();
    expect(dossierRows()).toHaveLength(1);
  });
});
