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
    await this.page.getByRole('button', { name: /^Đăng ký tạm trú/ }).click();
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

  /** An address field's fieldset, by its legend. */
  addressGroup(legend: RegExp): Locator {
    return this.page.getByRole('group', { name: legend });
  }

  /** Types a whole address as free text (the way out when the place is not in the units list). */
  async typeAddress(legend: RegExp, text: string): Promise<void> {
    const group = this.addressGroup(legend);
    const toText = group.getByRole('button', { name: 'Không tìm thấy? Ghi cả địa chỉ' });
    if (await toText.isVisible()) await toText.click();
    await group.getByLabel('Địa chỉ đầy đủ').fill(text);
    await this.waitSaved();
  }

  /**
   * Goes to the review step, gives the consent and submits; the app shows the dossier's receipt.
   * Then back to the home screen (its outbox and dossier list), unless `stayOnReceipt`.
   */
  async reviewAndSubmit({ stayOnReceipt = false }: { stayOnReceipt?: boolean } = {}): Promise<void> {
    await this.page.getByRole('button', { name: 'Xem lại trước khi nộp' }).click();
    await this.page.getByRole('heading', { level: 1, name: 'Xem lại trước khi nộp' }).waitFor();
    await this.page.getByRole('checkbox', { name: /Tôi đã đọc và đồng ý/ }).check();
    await this.page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    if (!stayOnReceipt) await this.homeFromReceipt();
  }

  /** After "Nộp hồ sơ" the app shows the receipt; this waits for it and goes back to the home screen. */
  async homeFromReceipt(): Promise<void> {
    await this.page.getByRole('heading', { level: 1, name: 'Biên nhận hồ sơ' }).waitFor();
    await this.page.getByRole('link', { name: 'Một Cửa Lưu Động' }).click();
    await this.page.getByRole('heading', { level: 2, name: /4 mức độ|4 levels/ }).waitFor();
  }

  pendingCount(): Locator {
    return this.page.getByTestId('pending-count');
  }

  dossierCodes(): Locator {
    return this.page.getByTestId('dossier-code');
  }
}
