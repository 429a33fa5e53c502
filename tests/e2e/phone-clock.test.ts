/**
 * A phone whose clock runs days ahead stamps its dossier in the future, and the server refuses
 * it (`invalid`, field `submittedAt`, code `time-future`): no field of the form is wrong, so the
 * reason must still reach the person. Real Chromium at 360 px against the real server: the row
 * says the server returned it, "Sửa tờ khai" brings the draft back with the clock's message at
 * the top of the form and beside the send button, nothing is lost, and sent again with a right
 * clock it is stored once. With SCREENSHOT_DIR set, both screens are saved in both languages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY_MS } from '../../src/domain/submission-times';
import { expectAccessible } from './axe';
import { BrowserProfile, ServerProcess } from './harness';
import { shoot, storedDossierIds } from './server-view';
import { AppPage } from './app-page';
import { readPhone, seedOutbox, validSubmission } from './phone-db';

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

describe('a phone whose clock is days ahead', () => {
  it('learns why the server returned its dossier, keeps it, and sends it once the clock is right', async () => {
    const context = await profile.launch();
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      const app = new AppPage(page);
      await app.open(server.origin);
      const base = validSubmission('Lê Thị Thu', 'ui');
      const ahead = Date.now() + 3 * DAY_MS;
      // The app creates its tables as it starts: seed only once they are there (a fresh profile races otherwise).
      await expect
        .poll(() =>
          page.evaluate(
            () =>
              new Promise<boolean>((resolve) => {
                const open = indexedDB.open('mot-cua-luu-dong');
                open.onsuccess = () => {
                  resolve(open.result.objectStoreNames.contains('outbox') && open.result.objectStoreNames.contains('visits'));
                  open.result.close();
                };
                open.onerror = () => resolve(false);
              }),
          ),
        )
        .toBe(true);
      await seedOutbox(page, [{ ...base, submittedAt: ahead, consent: { ...base.consent!, agreedAt: ahead - 60_000 } }]);
      await page.reload();

      // Refused as implausible: the row offers to fix it, and nothing is stored.
      const fix = page.getByRole('button', { name: 'Sửa tờ khai' });
      await fix.waitFor({ timeout: 30_000 });
      expect(storedDossierIds(server)).toEqual([]);
      await fix.click();

      // The draft is back with the reason at the top of the form (not "fix the marked items": none is marked).
      const clockText = /Giờ trên máy đang sai \(chạy nhanh hơn một ngày\)/;
      const notice = page.getByRole('alert').filter({ hasText: clockText });
      await notice.waitFor({ timeout: 30_000 });
      await expect.poll(() => page.getByText('hãy sửa các mục bị đánh dấu').count()).toBe(0);
      expect(await page.locator('#f-fullName').inputValue()).toBe('Lê Thị Thu');
      await shoot(page, 'clock-form-vi', notice);
      await expectAccessible(page, 'form returned for a wrong clock');
      const phone = await readPhone(page);
      expect(phone.drafts.map((d) => d.id)).toEqual([base.id]);
      expect(phone.outbox).toEqual([]);

      // Beside the send button too, as the button's description.
      await page.getByRole('button', { name: 'Xem lại trước khi nộp' }).click();
      await page.getByRole('heading', { level: 1, name: 'Xem lại trước khi nộp' }).waitFor();
      const byButton = page.locator('#clock-error');
      await expect.poll(() => byButton.textContent()).toMatch(clockText);
      await page.getByRole('checkbox', { name: /Tôi đã đọc và đồng ý/ }).check();
      const send = page.getByRole('button', { name: 'Nộp hồ sơ' });
      expect(await send.getAttribute('aria-describedby')).toBe('clock-error');
      await shoot(page, 'clock-review-vi', send);
      await page.getByRole('button', { name: /^English/ }).click();
      await expect.poll(() => byButton.textContent()).toMatch(/This phone’s clock is wrong/);
      await shoot(page, 'clock-review-en', page.getByRole('button', { name: 'Submit dossier' }));
      await page.getByRole('button', { name: /^Tiếng Việt/ }).click();

      // This phone's clock is right now: sent again, it is stored, once.
      await send.click();
      await expect.poll(() => storedDossierIds(server), { timeout: 30_000 }).toEqual([base.id]);
      await expect.poll(async () => (await readPhone(page)).dossiers.map((d) => d.id), { timeout: 30_000 }).toEqual([base.id]);
    } finally {
      await profile.close();
    }
  });
});
