/** A page model of the app, through roles and labels as a user (or a screen reader) finds them. */
import type { Locator, Page } from 'playwright-core';

export class AppPage {
  constructor(readonly page: Page) {}

  async open(origin: string): Promise<void> {
    await this.page.goto(`${origin}/`);
    await this.page.getByRole('heading', { level: 2, name: /4 mức độ|4 levels/ }).waitFor();
  }

  field(label: RegExp | string): Locator {
    return this.page.getByLabel(label);
  }

  async startTemporaryResidence(): Promise<void> {
    await this.page.getByRole('button', { name: /Điền tờ khai: Đăng ký tạm trú/ }).click();
    await this.page.getByRole('heading', { level: 1, name: /Đăng ký tạm trú/ }).waitFor();
  }

  /** Waits until the form says the last change reached IndexedDB. */
  async waitSaved(): Promise<void> {
    await this.page.getByRole('status').filter({ hasText: 'Đã lưu trên máy' }).waitFor();
  }

  async fill(label: RegExp, value: string): Promise<void> {
    const input = this.field(label);
    await input.fill(value);
    await this.waitSaved();
  }

  async choose(name: string): Promise<void> {
    await this.page.getByRole('radio', { name }).check();
    await this.waitSaved();
  }

  pendingCount(): Locator {
    return this.page.getByTestId('pending-count');
  }

  dossierCodes(): Locator {
    return this.page.getByTestId('dossier-code');
  }
}
