/**
 * What behaviour tests do not see: every form at 360 px, in Vietnamese and English, has no
 * sideways scroll, every radio and checkbox sits inside its own label box (not on its border),
 * and every button or choice a thumb must hit is at least 44 px high.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { FORMS } from '../../src/content/forms';
import { BrowserProfile, ServerProcess } from './harness';

let server: ServerProcess;
let profile: BrowserProfile;
let page: Page;

beforeAll(async () => {
  server = await ServerProcess.create();
  await server.start();
  profile = new BrowserProfile();
  const context = await profile.launch();
  page = context.pages()[0] ?? (await context.newPage());
});

afterAll(async () => {
  await profile?.dispose();
  await server?.dispose();
});

interface Layout {
  overflow: number;
  misplaced: string[];
  small: string[];
}

/** Measures the screen as it is drawn. */
function measure(): Promise<Layout> {
  return page.evaluate(() => {
    const misplaced: string[] = [];
    // A choice is a bordered box: its radio or checkbox must sit inside, clear of the border.
    for (const label of document.querySelectorAll('label.choice')) {
      const input = label.querySelector('input');
      if (!input) continue;
      const box = label.getBoundingClientRect();
      const mark = input.getBoundingClientRect();
      const inside = mark.left >= box.left + 4 && mark.right <= box.right - 4 && mark.top >= box.top && mark.bottom <= box.bottom;
      if (!inside) misplaced.push(label.textContent?.trim().slice(0, 40) ?? '?');
    }
    // A lone checkbox stands beside its label: never on top of the words.
    for (const field of document.querySelectorAll('.field--check')) {
      const input = field.querySelector('input');
      const text = field.querySelector('label');
      if (!input || !text) continue;
      if (input.getBoundingClientRect().right > text.getBoundingClientRect().left + 1)
        misplaced.push(text.textContent?.trim().slice(0, 40) ?? '?');
    }
    const small: string[] = [];
    for (const el of document.querySelectorAll('main button, main label.choice, main .btn')) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.height < 44) small.push(`${el.tagName} ${el.textContent?.trim().slice(0, 30)} ${Math.round(r.height)}`);
    }
    return { overflow: document.documentElement.scrollWidth - window.innerWidth, misplaced, small };
  });
}

describe('forms at 360 px', () => {
  for (const lang of ['vi', 'en'] as const) {
    it(`every form, ${lang}: no sideways scroll, choices inside their box, targets ≥ 44 px`, async () => {
      await page.goto(`${server.origin}/`);
      if (lang === 'en') {
        await page.getByRole('button', { name: /English/ }).click();
        // The switch shows once the choice is kept: only then does a new page load open in English.
        await page.getByRole('button', { name: /Tiếng Việt/ }).waitFor();
      }
      for (const form of FORMS) {
        await page.goto(`${server.origin}/`);
        const title = lang === 'vi' ? form.title.vi : form.title.en;
        await page.getByRole('button', { name: title, exact: true }).click();
        await page.getByRole('heading', { level: 1 }).waitFor();
        await page.locator('form, .form').first().waitFor();
        const layout = await measure();
        expect(layout, `${form.id} v${form.version} (${lang})`).toEqual({ overflow: 0, misplaced: [], small: [] });
      }
    });
  }
});
