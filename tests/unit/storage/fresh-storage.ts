/** Gives every test its own IndexedDB database and settings store, so tests never share rows. */
import { afterEach, beforeEach } from 'vitest';
import type { McldDb } from '../../../src/storage/db';
import { createNamedPhoneStorage, type PhoneStorage } from '../../../src/storage/phone-storage';
import type { Submission } from '../../../src/domain/protocol';
import type { SyncPorts } from '../../../src/sync/ports';

export interface FreshStorage {
  /** This test's storage (drafts, outbox, dossiers, blobs, settings). */
  (): PhoneStorage;
  db: () => McldDb;
}

export function useFreshStorage(): FreshStorage {
  let storage: PhoneStorage | null = null;
  beforeEach(async () => {
    storage = createNamedPhoneStorage(`test-${crypto.randomUUID()}`);
    await storage.db.open();
  });
  afterEach(() => {
    storage?.close();
  });
  const current = (): PhoneStorage => {
    if (!storage) throw new Error('no database outside a test');
    return storage;
  };
  return Object.assign(current, { db: () => current().db });
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

/** The engine's storage ports on `storage`, as sync/phone-sync.ts wires them. */
export function portsOf(storage: PhoneStorage): SyncPorts {
  return {
    outbox: storage.outbox,
    phoneData: storage,
    dossiers: storage.dossiers,
    cursor: storage.settings,
    blobs: storage.blobs,
    device: storage.settings,
  };
}
