/** What a browser test reads back from the real server's SQLite file, and screenshots to look at. */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Locator, Page } from 'playwright-core';
import type { ServerProcess } from './harness';

/** The ids of the dossiers the server holds, read from its database file. */
export function storedDossierIds(server: ServerProcess): string[] {
  const db = new Database(server.databasePath, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT id FROM dossiers').all() as { id: string }[]).map((row) => row.id);
  } finally {
    db.close();
  }
}

/** With SCREENSHOT_DIR set: the phone's screen as a person holds it, scrolled to `at`. */
export async function shoot(page: Page, name: string, at: Locator): Promise<void> {
  const dir = process.env.SCREENSHOT_DIR;
  if (!dir) return;
  await at.evaluate((element) => element.scrollIntoView({ block: 'center' }));
  await page.screenshot({ path: join(dir, `${name}.png`) });
}
