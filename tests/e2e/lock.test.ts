/**
 * A lost phone gives away nothing, in real Chromium on a persistent profile against the real
 * server: a PIN is set, a draft filled, and the profile's files on disk hold neither the
 * resident's name nor the CCCD (while the draft's id, kept in clear, is found: the search works);
 * the relaunched app is locked, a wrong PIN is refused with the tries left, the right one opens
 * the draft; the wipe leaves nothing personal and no lock behind.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppPage } from './app-page';
import { expectAccessible } from './axe';
import { BrowserProfile, ServerProcess } from './harness';

const NAME = 'Hoàng Thị Thu Hằng';
const CCCD = '038190012345';
const PIN = '246810';
const SHOTS = process.env.LOCK_SHOTS_DIR;

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

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    const info = statSync(path, { throwIfNoEntry: false });
    if (!info) return [];
    return info.isDirectory() ? filesUnder(path) : [path];
  });
}

/** Files of the profile holding `text` as UTF-8 or UTF-16 (how V8 serialises strings into IndexedDB). */
function filesHolding(dir: string, text: string): string[] {
  const needles = [Buffer.from(text, 'utf8'), Buffer.from(text, 'utf16le'), Buffer.from(text.normalize('NFD'), 'utf8')];
  return filesUnder(dir).filter((file) => {
    const bytes = readFileSync(file);
    return needles.some((needle) => bytes.includes(needle));
  });
}

const indexedDbDir = () => join(profile.dir, 'Default', 'IndexedDB');

/** Moves inside the app without a reload (a reload is a fresh start: it locks). */
async function goInApp(app: AppPage, path: string): Promise<void> {
  await app.page.evaluate((to) => {
    history.pushState(null, '', to);
    dispatchEvent(new PopStateEvent('popstate'));
  }, path);
}

describe('the phone lock', () => {
  it('sets a PIN, keeps a draft unreadable on disk, unlocks with the PIN only, and wipes', async () => {
    let context = await profile.launch();
    let app = new AppPage(context.pages()[0] ?? (await context.newPage()));
    await app.open(server.origin);
    await app.page.goto(`${server.origin}/bao-mat`);
    await app.page.getByRole('heading', { level: 1, name: 'Bảo mật trên máy' }).waitFor();
    await app.page.getByText('hồ sơ đã xếp hàng chờ gửi thì không bao giờ mất').first().waitFor();
    await expectAccessible(app.page, 'security');
    if (SHOTS) await app.page.screenshot({ path: join(SHOTS, 'security-vi.png'), fullPage: true });

    // A guessable PIN gets its reason next to the field; the PIN typed stays.
    await app.page.getByLabel('Mã PIN mới (6 đến 12 chữ số)').fill('123456');
    await app.page.getByLabel('Nhập lại mã PIN').fill('123456');
    await app.page.getByTestId('set-pin').click();
    await app.page.getByTestId('pin-error').filter({ hasText: 'quá dễ đoán' }).waitFor();
    expect(await app.page.getByLabel('Mã PIN mới (6 đến 12 chữ số)').inputValue()).toBe('123456');
    await app.page.getByLabel('Mã PIN mới (6 đến 12 chữ số)').fill(PIN);
    await app.page.getByLabel('Nhập lại mã PIN').fill(PIN);
    await app.page.getByTestId('set-pin').click();
    await app.page.getByTestId('pin-on').waitFor({ timeout: 60_000 });

    // A draft with a name and a CCCD, saved on every change.
    await goInApp(app, '/');
    await app.startTemporaryResidence();
    const draftId = /\/to-khai\/([0-9a-f-]{36})/.exec(app.page.url())?.[1];
    expect(draftId).toBeDefined();
    await app.fill(/Họ, chữ đệm và tên/, NAME);
    await app.fill(/Số định danh cá nhân/, CCCD);

    // Closed (LevelDB flushed), the files on disk: the id in clear, the personal data not.
    await profile.close();
    expect(filesHolding(indexedDbDir(), draftId!).length).toBeGreaterThan(0);
    expect(filesHolding(indexedDbDir(), NAME)).toEqual([]);
    expect(filesHolding(indexedDbDir(), CCCD)).toEqual([]);

    // Relaunched: locked. A wrong PIN is refused with the tries left; the right one opens the draft.
    context = await profile.launch();
    app = new AppPage(context.pages()[0] ?? (await context.newPage()));
    await app.page.goto(`${server.origin}/`);
    await app.page.getByRole('heading', { level: 1, name: 'Ứng dụng đang khóa' }).waitFor();
    await expectAccessible(app.page, 'lock');
    if (SHOTS) await app.page.screenshot({ path: join(SHOTS, 'lock-vi.png'), fullPage: true });
    await app.page.getByLabel('Mã PIN').fill('135790');
    await app.page.getByRole('button', { name: 'Mở khóa' }).click();
    await app.page.getByTestId('unlock-error').filter({ hasText: 'Còn 4 lần thử' }).waitFor({ timeout: 60_000 });
    if (SHOTS) {
      await app.page.getByRole('button', { name: 'Chuyển sang tiếng Anh' }).click();
      await app.page.getByRole('heading', { level: 1, name: 'The app is locked' }).waitFor();
      await app.page.screenshot({ path: join(SHOTS, 'lock-en.png'), fullPage: true });
      await app.page.getByRole('button', { name: 'Switch to Vietnamese' }).click();
      await app.page.getByRole('heading', { level: 1, name: 'Ứng dụng đang khóa' }).waitFor();
    }
    await app.page.getByLabel('Mã PIN').fill(PIN);
    await app.page.getByRole('button', { name: 'Mở khóa' }).click();
    await app.page.getByRole('heading', { level: 2, name: /4 mức độ/ }).waitFor({ timeout: 60_000 });
    await app.page.getByText(NAME).first().waitFor();

    // Lock now, from the security screen; the draft is not shown until the PIN is given again.
    await goInApp(app, '/bao-mat');
    if (SHOTS) {
      await app.page.getByTestId('pin-on').waitFor();
      await app.page.screenshot({ path: join(SHOTS, 'security-on-vi.png'), fullPage: true });
    }
    await app.page.getByTestId('lock-now').click();
    await app.page.getByRole('heading', { level: 1, name: 'Ứng dụng đang khóa' }).waitFor();
    expect(await app.page.getByText(NAME).count()).toBe(0);
    await app.page.getByLabel('Mã PIN').fill(PIN);
    await app.page.getByRole('button', { name: 'Mở khóa' }).click();
    await app.page.getByTestId('pin-on').waitFor({ timeout: 60_000 });

    // Wipe everything: no draft, no PIN, no lock at the next start.
    await app.page.getByTestId('wipe-all').click();
    await app.page.getByRole('dialog').getByRole('button', { name: 'Xóa' }).click();
    await app.page.getByTestId('wiped').waitFor();
    await app.page.getByTestId('set-pin').waitFor();
    await profile.close();
    context = await profile.launch();
    app = new AppPage(context.pages()[0] ?? (await context.newPage()));
    await app.open(server.origin);
    expect(await app.page.getByRole('heading', { level: 1, name: 'Ứng dụng đang khóa' }).count()).toBe(0);
    expect(await app.page.getByText(NAME).count()).toBe(0);
    await profile.close();
  });
});
