/**
 * The form engine end to end in real Chromium against the real server, with no signal: the CT01
 * v3 form filled from a CCCD QR code, an address picked from the post-2025 units, two people in a
 * repeatable group, a browser killed mid-form, the review step with what is missing and the
 * consent, one dossier stored on the server with the items and the unit codes. Then a second
 * draft is renamed and deleted, an old-version draft is moved to the new form (naming the field
 * the 2025 form no longer asks), and an address from
 * an older units list stays readable. The form, the review and the delete question pass an
 * axe-core audit with zero violations.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import type { BrowserContext, Page } from 'playwright-core';
import { AppPage } from './app-page';
import { BrowserProfile, ServerProcess, waitForServiceWorker } from './harness';
import { expectAccessible } from './axe';
import { readPhone, seedRows } from './phone-db';
import { CONSENT } from '../../src/content/consent';
import { formatVnDate, vietnamDateOf } from '../../src/domain/dates';
import { CT01_QR } from '../fixtures/ct01-answers';

const QR = CT01_QR;

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

function dossierRows(): Array<{ id: string; answers_json: string }> {
  const db = new Database(server.databasePath, { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT id, answers_json FROM dossiers').all() as Array<{ id: string; answers_json: string }>;
  } finally {
    db.close();
  }
}

/** The name attribute of the focused element: fields are named by their answer path. */
function focusedName(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.getAttribute('name') ?? null);
}

async function relaunchOffline(): Promise<{ context: BrowserContext; app: AppPage }> {
  const context = await profile.launch();
  await context.setOffline(true);
  const app = new AppPage(context.pages()[0] ?? (await context.newPage()));
  await app.open(server.origin);
  return { context, app };
}

describe('the form engine, offline, from the first field to the commune server', () => {
  it('fills CT01 v3 with QR, address picker and two people, survives a kill, reviews and sends once', async () => {
    let context = await profile.launch();
    let app = new AppPage(context.pages()[0] ?? (await context.newPage()));
    await app.open(server.origin);
    await waitForServiceWorker(app.page);
    await server.stop();
    await context.setOffline(true);
    await app.page.reload();
    let page = app.page;

    await app.startTemporaryResidence();

    // A malformed QR code gets a clear message next to the box, and fills nothing.
    await page.getByRole('button', { name: 'Quét mã QR trên CCCD' }).click();
    const qrBox = page.getByLabel('Nội dung mã QR');
    await qrBox.fill('https://example.vn/not-a-cccd');
    await page.getByRole('button', { name: 'Điền vào tờ khai' }).click();
    await page.getByText('Đây không phải mã QR trên thẻ căn cước.', { exact: false }).waitFor();
    expect(await qrBox.getAttribute('aria-invalid')).toBe('true');
    expect(await app.field(/Họ, chữ đệm và tên/).inputValue()).toBe('');

    // A real code fills name, birth date, sex and CCCD, and says so (CT01 of 2025 has no current address).
    await qrBox.fill(QR);
    await page.getByRole('button', { name: 'Điền vào tờ khai' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Đã điền từ mã QR: Họ, chữ đệm và tên khai sinh, Ngày, tháng, năm sinh, Giới tính' })
      .waitFor();
    await app.waitSaved();
    expect(await app.field(/Họ, chữ đệm và tên khai sinh/).inputValue()).toBe('Nguyễn Thị Hoa');
    expect(await app.field(/Ngày, tháng, năm sinh/).inputValue()).toBe('12/05/1990');
    expect(await page.getByRole('radio', { name: 'Nữ' }).isChecked()).toBe(true);
    expect(await app.field(/Số định danh cá nhân/).inputValue()).toBe('038190012345');
    expect(await page.getByRole('group', { name: /Nơi ở hiện tại/ }).count()).toBe(0);

    await app.fill(/Số điện thoại/, '0912 345 678');

    // The temporary address from the units list: province, then the commune typed without diacritics.
    const temporary = app.addressGroup(/Địa chỉ đăng ký tạm trú/);
    await temporary.getByLabel('Tỉnh/thành phố').selectOption({ label: 'Thành phố Hà Nội' });
    await app.waitSaved();
    await temporary.getByRole('searchbox', { name: 'Xã/phường' }).fill('ba dinh');
    await temporary.getByRole('button', { name: /Phường Ba Đình/ }).click();
    await temporary.getByText('Đã chọn: Phường Ba Đình, Thành phố Hà Nội').waitFor();
    // Picking moves on to the house number.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('f-temporaryAddress-detail');
    await temporary.getByLabel('Thôn/tổ, số nhà, đường').fill('Số 5 ngõ 12');
    await app.waitSaved();

    await app.fill(/Nội dung đề nghị/, 'Đi làm'.normalize('NFD'));
    await app.fill(/Ngày bắt đầu tạm trú/, formatVnDate(vietnamDateOf(Date.now())));

    // Conditional group: shown when ticked, with its first person on screen at once.
    expect(await page.getByRole('group', { name: /Những người cùng thay đổi/ }).count()).toBe(0);
    await page.getByLabel('Có người cùng đăng ký tạm trú với tôi').check();
    const first = page.getByRole('group', { name: 'Người cùng thay đổi thứ 1' });
    await first.waitFor();
    await first.getByLabel(/^Họ, chữ đệm và tên/).fill('Trần Văn An');
    await first.getByLabel(/^Ngày, tháng, năm sinh/).fill('02/01/2015');
    await first.getByRole('radio', { name: 'Nam' }).check();
    await first.getByLabel(/^Mối quan hệ với chủ hộ/).fill('Con');
    await app.waitSaved();

    // A second person: the cursor moves into the new item.
    await page.getByRole('button', { name: 'Thêm người cùng thay đổi' }).click();
    const second = page.getByRole('group', { name: 'Người cùng thay đổi thứ 2' });
    await second.waitFor();
    await expect.poll(() => focusedName(page)).toBe('members[1].fullName');
    await second.getByLabel(/^Họ, chữ đệm và tên/).fill('Trần Thị Bé');
    await second.getByRole('radio', { name: 'Nữ' }).check();
    await second.getByLabel(/^Ngày, tháng, năm sinh/).fill('03/04/2018');
    await app.waitSaved();
    await expect.poll(() => page.getByLabel('Số người cùng thay đổi').textContent()).toBe('2');
    await expectAccessible(page, 'form');

    // The battery dies mid-form.
    await profile.kill();
    ({ context, app } = await relaunchOffline());
    page = app.page;
    await page.getByRole('heading', { name: 'Tờ khai đang điền dở' }).waitFor();
    await page.getByRole('button', { name: /^Điền tiếp\s*: Nguyễn Thị Hoa$/ }).click();
    await page.getByRole('heading', { level: 1, name: /Đăng ký tạm trú/ }).waitFor();
    // Everything is there, and the cursor is back in the second person's birth date.
    await expect.poll(() => focusedName(page)).toBe('members[1].birthDate');
    expect(
      await app
        .field(/Họ, chữ đệm và tên/)
        .first()
        .inputValue(),
    ).toBe('Nguyễn Thị Hoa');
    expect(
      await page
        .getByRole('group', { name: 'Người cùng thay đổi thứ 2' })
        .getByLabel(/^Họ, chữ đệm và tên/)
        .inputValue(),
    ).toBe('Trần Thị Bé');
    await app
      .addressGroup(/Địa chỉ đăng ký tạm trú/)
      .getByText('Đã chọn: Phường Ba Đình, Thành phố Hà Nội')
      .waitFor();

    // Review: the answers as they will be sent, and what is still missing.
    await page.getByRole('button', { name: 'Xem lại trước khi nộp' }).click();
    await page.getByRole('heading', { level: 1, name: 'Xem lại trước khi nộp' }).waitFor();
    const answers = page.getByRole('region', { name: 'Thông tin đã điền' });
    for (const text of ['Nguyễn Thị Hoa', '12/05/1990', 'Số 5 ngõ 12, Phường Ba Đình, Thành phố Hà Nội', 'Trần Thị Bé', '03/04/2018']) {
      await answers.getByText(text, { exact: true }).waitFor();
    }
    await answers.getByRole('heading', { name: 'Người cùng thay đổi thứ 2' }).waitFor();
    const missing = page.getByRole('link', { name: 'Người cùng thay đổi thứ 2 – Mối quan hệ với chủ hộ: Vui lòng điền mục này.' });
    await missing.waitFor();
    await page.getByRole('heading', { name: 'Còn 1 mục cần sửa' }).waitFor();
    const submit = page.getByRole('button', { name: 'Nộp hồ sơ' });
    expect(await submit.isDisabled()).toBe(true);
    await expectAccessible(page, 'review');

    // The link leads back to the field, marked, with the cursor in it.
    await missing.click();
    await expect.poll(() => focusedName(page)).toBe('members[1].relationship');
    const relationship = page.getByRole('group', { name: 'Người cùng thay đổi thứ 2' }).getByLabel(/^Mối quan hệ với chủ hộ/);
    expect(await relationship.getAttribute('aria-invalid')).toBe('true');
    await relationship.fill('Con');
    await app.waitSaved();
    expect(await relationship.getAttribute('aria-invalid')).toBeNull();

    const before = Date.now();
    await page.getByRole('button', { name: 'Xem lại trước khi nộp' }).click();
    await page.getByText('Đã điền đủ các mục bắt buộc.').waitFor();
    await page.getByRole('checkbox', { name: /Tôi đã đọc và đồng ý/ }).check();
    expect(await submit.isDisabled()).toBe(false);
    await submit.click();
    await app.homeFromReceipt();
    await app.pendingCount().filter({ hasText: '1 hồ sơ chờ gửi' }).waitFor();
    expect(dossierRows()).toHaveLength(0);

    // The consent travels with the dossier: which text, in which language, when.
    const phone = await readPhone(page);
    const queued = phone.outbox[0] as unknown as { submission: { consent?: { version: string; lang: string; agreedAt: number } } };
    expect(queued.submission.consent).toMatchObject({ version: CONSENT.version, lang: 'vi' });
    expect(queued.submission.consent?.agreedAt).toBeGreaterThanOrEqual(before);
    expect(queued.submission.consent?.agreedAt).toBeLessThanOrEqual(Date.now());

    // The network returns: exactly one dossier, with both people and the unit codes.
    await server.start();
    await context.setOffline(false);
    await app.dossierCodes().first().waitFor({ timeout: 60_000 });
    const rows = dossierRows();
    expect(rows).toHaveLength(1);
    const stored = JSON.parse(rows[0]?.answers_json ?? '{}') as Record<string, unknown>;
    expect(stored).toMatchObject({
      fullName: 'Nguyễn Thị Hoa',
      sex: 'female',
      cccd: '038190012345',
      reason: 'Đi làm'.normalize('NFC'),
      movingTogether: true,
      memberCount: 2,
      temporaryAddress: { provinceCode: '01', communeCode: '00004', detail: 'Số 5 ngõ 12' },
      members: [
        { fullName: 'Trần Văn An', birthDate: '2015-01-02', sex: 'male', relationship: 'Con' },
        { fullName: 'Trần Thị Bé', birthDate: '2018-04-03', sex: 'female', relationship: 'Con' },
      ],
    });
    expect(stored).not.toHaveProperty('currentAddress');
    await context.setOffline(true);
  });

  it('keeps several drafts: one is renamed (the name then stays) and deleted after a question', async () => {
    const page = profile.context!.pages()[0]!;
    const app = new AppPage(page);
    await app.startTemporaryResidence();
    await app.fill(/Họ, chữ đệm và tên/, 'Lê Văn Tư');
    await page.getByRole('link', { name: 'Một Cửa Lưu Động' }).click();
    const draft = page.getByTestId('draft').filter({ hasText: 'Lê Văn Tư' });
    await draft.getByText('Tờ khai: Đăng ký tạm trú (Tờ khai CT01)').waitFor();

    await draft.getByRole('button', { name: /^Đổi tên\s*: Lê Văn Tư$/ }).click();
    const name = page.getByLabel('Tên mới cho tờ khai');
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('INPUT');
    await name.fill('Nhà ông Tư, thôn 5');
    await page.getByRole('button', { name: 'Lưu tên' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã đổi tên thành “Nhà ông Tư, thôn 5”.' }).waitFor();

    // Typing the resident's name again does not undo the name given.
    const renamed = page.getByTestId('draft').filter({ hasText: 'Nhà ông Tư, thôn 5' });
    await renamed.getByRole('button', { name: /^Điền tiếp\s*: Nhà ông Tư, thôn 5$/ }).click();
    await app.fill(/Họ, chữ đệm và tên/, 'Lê Văn Tứ');
    await page.getByRole('link', { name: 'Một Cửa Lưu Động' }).click();
    await renamed.waitFor();
    expect(await page.getByTestId('draft').count()).toBe(1);

    await renamed.getByRole('button', { name: /^Xóa\s*: Nhà ông Tư, thôn 5$/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Xóa tờ khai “Nhà ông Tư, thôn 5”?' });
    await dialog.waitFor();
    await expectAccessible(page, 'delete question');
    // The safe answer has the focus; "Không xóa" keeps the draft.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Không xóa');
    await dialog.getByRole('button', { name: 'Không xóa' }).click();
    expect(await page.getByTestId('draft').count()).toBe(1);
    await renamed.getByRole('button', { name: /^Xóa\s*: Nhà ông Tư, thôn 5$/ }).click();
    await dialog.getByRole('button', { name: 'Xóa tờ khai' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã xóa tờ khai “Nhà ông Tư, thôn 5”.' }).waitFor();
    await expect.poll(() => page.getByTestId('draft').count()).toBe(0);
    expect((await readPhone(page)).drafts).toHaveLength(0);
  });

  it('moves a draft started on CT01 version 1 to version 3, keeping the typed address readable and naming what is no longer asked', async () => {
    const page = profile.context!.pages()[0]!;
    const id = '5b0e4c1a-8f43-4d8e-9a55-0c3f2b7d9e11';
    const now = Date.now();
    await seedRows(page, 'drafts', [
      {
        id,
        formId: 'tam-tru-ct01',
        formVersion: 1,
        answers: {
          fullName: 'Đỗ Văn Cũ',
          currentAddress: 'Thôn 9, Xã Xưa, Huyện Xưa, Tỉnh Xưa',
          temporaryAddress: 'Thôn 1, Xã Cũ, Huyện Cũ, Tỉnh Cũ',
        },
        label: 'Đỗ Văn Cũ',
        createdAt: now,
        updatedAt: now,
      },
    ]);
    await page.reload();
    await page.getByRole('button', { name: /^Điền tiếp\s*: Đỗ Văn Cũ$/ }).click();
    await page
      .getByTestId('version-notice')
      .filter({ hasText: 'Tờ khai đã được chuyển sang mẫu mới (phiên bản 3). Mẫu mới không còn hỏi: Nơi ở hiện tại.' })
      .waitFor();
    const temporary = page.getByRole('group', { name: /Địa chỉ đăng ký tạm trú/ });
    expect(await temporary.getByLabel('Địa chỉ đầy đủ').inputValue()).toBe('Thôn 1, Xã Cũ, Huyện Cũ, Tỉnh Cũ');
    const stored = (await readPhone(page)).drafts.find((d) => d.id === id) as unknown as { formVersion: number; answers: unknown };
    expect(stored.formVersion).toBe(3);
    expect(stored.answers).toEqual({
      fullName: 'Đỗ Văn Cũ',
      temporaryAddress: { detail: '', freeText: 'Thôn 1, Xã Cũ, Huyện Cũ, Tỉnh Cũ' },
    });
  });

  it('shows an address picked from an older units list with the names it was stored with', async () => {
    const page = profile.context!.pages()[0]!;
    const id = '7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f';
    const now = Date.now();
    const oldAddress = {
      provinceCode: '99',
      provinceName: 'Tỉnh Hà Tây',
      communeCode: '99999',
      communeName: 'Xã Cũ',
      detail: 'Xóm 2',
      unitsVersion: '2019-01-01',
    };
    await seedRows(page, 'drafts', [
      {
        id,
        formId: 'tam-tru-ct01',
        formVersion: 3,
        answers: { fullName: 'Phan Thị Xưa', temporaryAddress: oldAddress },
        label: 'Phan Thị Xưa',
        createdAt: now,
        updatedAt: now,
      },
    ]);
    await page.goto(`${server.origin}/`);
    await page.getByRole('button', { name: /^Điền tiếp\s*: Phan Thị Xưa$/ }).click();
    const current = page.getByRole('group', { name: /Địa chỉ đăng ký tạm trú/ });
    await current.getByText('Địa chỉ đã ghi theo danh sách đơn vị hành chính cũ: Xóm 2, Xã Cũ, Tỉnh Hà Tây').waitFor();
    // Nothing changes until the resident chooses to pick again from the new list.
    expect((await readPhone(page)).drafts.find((d) => d.id === id)?.answers.temporaryAddress).toEqual(oldAddress);
    await current.getByRole('button', { name: 'Chọn lại theo danh sách mới' }).click();
    await current.getByLabel('Tỉnh/thành phố').waitFor();
    expect(await current.getByLabel('Thôn/tổ, số nhà, đường').inputValue()).toBe('Xóm 2');
  });
});
