/**
 * What a person sees when the shared validator or the server's allowance says no, in real
 * Chromium at 360 px against the real server: a name pasted with an invisible right-to-left
 * override gets a message next to the field (Vietnamese and English) and the draft keeps what was
 * typed; a resident phone past its daily allowance (RESIDENT_DAILY_DOSSIERS=1 here) keeps the
 * dossier queued and says so in plain words, and nothing more is stored. Both screens pass axe.
 * With SCREENSHOT_DIR set, each screen is saved there in both languages to look at.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppPage } from './app-page';
import { expectAccessible } from './axe';
import { BrowserProfile, ServerProcess } from './harness';
import { shoot, storedDossierIds } from './server-view';
import { readPhone, seedOutbox, validSubmission } from './phone-db';

let server: ServerProcess;
let profile: BrowserProfile;

beforeAll(async () => {
  server = await ServerProcess.create({ RESIDENT_DAILY_DOSSIERS: '1' });
  await server.start();
  profile = new BrowserProfile();
});

afterAll(async () => {
  await profile?.dispose();
  await server?.dispose();
});

async function switchLanguage(page: Page, to: 'English' | 'Tiếng Việt'): Promise<void> {
  await page.getByRole('button', { name: new RegExp(`^${to}`) }).click();
}

describe('hostile input and the daily allowance, as a person sees them', () => {
  it('puts the reason next to a name with a hidden right-to-left override, and keeps the draft', async () => {
    const context = await profile.launch();
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      const app = new AppPage(page);
      await app.open(server.origin);
      await app.startTemporaryResidence();
      const name = app.field(/Họ, chữ đệm và tên/);
      // "Nguyễn Hoa" as pasted from a message, with U+202E in it: it would display reversed.
      await name.fill('Nguyễn \u202eaoH');
      await app.waitSaved();
      await name.blur();
      const message = page.getByText('Có ký tự đảo chiều chữ không nhìn thấy', { exact: false });
      await message.waitFor();
      expect(await name.getAttribute('aria-invalid')).toBe('true');
      // The message is the field's description: a screen reader reads it with the field.
      const describedBy = (await name.getAttribute('aria-describedby')) ?? '';
      const describedText = await page.evaluate(
        (ids) =>
          ids
            .split(/\s+/)
            .map((id) => document.getElementById(id)?.textContent ?? '')
            .join(' '),
        describedBy,
      );
      expect(describedText).toContain('đảo chiều');
      await shoot(page, 'hostile-name-vi', name);
      await expectAccessible(page, 'form with a refused name');

      await switchLanguage(page, 'English');
      await page.getByText('invisible text-direction character', { exact: false }).waitFor();
      await shoot(page, 'hostile-name-en', page.locator('[aria-invalid="true"]').first());
      await switchLanguage(page, 'Tiếng Việt');

      // The draft keeps exactly what was typed (to fix, not to lose).
      const phone = await readPhone(page);
      expect(phone.drafts.map((d) => d.answers.fullName)).toEqual(['Nguyễn \u202eaoH']);
      // After a reload the form comes back with it, and the message as soon as the field is left again.
      await page.reload();
      const again = app.field(/Họ, chữ đệm và tên/);
      await again.waitFor();
      expect(await again.inputValue()).toBe('Nguyễn \u202eaoH');
      await again.focus();
      await again.blur();
      await page.getByText('Có ký tự đảo chiều chữ không nhìn thấy', { exact: false }).waitFor();
    } finally {
      await profile.close();
    }
  });

  it('keeps the second dossier of the day queued and says why, in both languages; the server stores one', async () => {
    const context = await profile.launch();
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      const app = new AppPage(page);
      await app.open(server.origin);
      const [first, second] = [validSubmission('Phạm Thị Lan'), validSubmission('Đỗ Văn Minh')];
      await seedOutbox(page, [first!, second!]);
      // The app sends what is queued as it starts; with one dossier left today, only the first is taken.
      await page.reload();
      await expect.poll(() => storedDossierIds(server).length, { timeout: 30_000 }).toBe(1);
      const [taken] = storedDossierIds(server);
      const left = taken === first!.id ? second! : first!;
      expect([first!.id, second!.id]).toContain(taken);
      // Sending again now meets the spent allowance.
      await page.getByRole('button', { name: 'Gửi ngay' }).first().click();
      const advice = page.getByText('Hôm nay máy này đã gửi đủ số hồ sơ', { exact: false });
      await advice.waitFor({ timeout: 30_000 });
      await page.getByText('sẽ tự gửi sau 24 giờ', { exact: false }).waitFor();
      // The row waits out the allowance by itself: no "try now" that would only meet the same refusal.
      expect(await page.getByRole('button', { name: 'Thử gửi ngay' }).count()).toBe(0);
      expect(storedDossierIds(server)).toEqual([taken]);
      const phone = await readPhone(page);
      expect(phone.outbox.map((row) => row.id)).toEqual([left.id]);
      expect(phone.outbox[0]).toMatchObject({ state: 'queued', lastError: { code: 'quota-exceeded' } });
      await shoot(page, 'quota-vi', advice);
      await expectAccessible(page, 'home with a dossier over the allowance');

      await switchLanguage(page, 'English');
      const adviceEn = page.getByText('as many dossiers (or photos) as the commune allows', { exact: false });
      await adviceEn.waitFor();
      await shoot(page, 'quota-en', adviceEn);
      await switchLanguage(page, 'Tiếng Việt');
    } finally {
      await profile.close();
    }
  });
});
