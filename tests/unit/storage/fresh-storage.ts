/** Gives every test its own IndexedDB database and settings store, so tests never share rows. */
import { afterEach, beforeEach } from 'vitest';
import { createDb, setDb, type McldDb } from '../../../src/storage/db';
import { createSettingsStore, setSettingsStore } from '../../../src/storage/settings';
import type { Submission } from '../../../src/domain/protocol';

export function useFreshStorage(): { db: () => McldDb } {
  let db: McldDb | null = null;
  beforeEach(async () => {
    const name = `test-${crypto.randomUUID()}`;
    db = createDb(name);
    setDb(db);
    setSettingsStore(createSettingsStore(`${name}-settings`));
    await db.open();
  });
  afterEach(() => {
    db?.close();
  });
  return {
    db: () => {
      if (!db) throw new Error('no database outside a test');
      return db;
    },
  };
}

/** A submission with plausible answers; `id` defaults to a fresh UUID. */
export function makeSubmission(overrides: Partial<Submission> = {}): Submission {
  return {
    id: crypto.randomUUID(),
    formId: 'tam-tru-ct01',
    formVersion: 1,
    communeCode: '00001',
    answers: { hoTen: 'Nguyễn Thị Hoa', soDienThoai: '0912345678' },
    submittedAt: 1_700_000_000_000,
    ...overrides,
  };
}
