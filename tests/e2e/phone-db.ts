/**
 * Reads and seeds the phone's IndexedDB from the test, with the raw IndexedDB API inside the
 * page (the app's Dexie schema: outbox, drafts, dossiers). Seeding many finished dossiers this
 * way keeps fault tests about sync, not about typing into forms; the answers are checked with
 * the shared validator first, so the real server accepts them.
 */
import type { Page } from 'playwright-core';
import { FORMS, findForm } from '../../src/content/forms/index';
import { DEFAULT_COMMUNE } from '../../src/content/commune';
import { CONSENT } from '../../src/content/consent';
import { checkSubmission } from '../../src/domain/validate';
import { vietnamDateOf } from '../../src/domain/dates';
import type { Submission } from '../../src/domain/protocol';
import { CT01_V1_ANSWERS } from '../fixtures/ct01-answers';

export const PHONE_DB = 'mot-cua-luu-dong';
const FORM_ID = 'tam-tru-ct01';
const FORM_VERSION = 1;

/** Form version 1 answers; each test dossier gets its own resident name. */
const ANSWERS = CT01_V1_ANSWERS;

/** The newest form with flat answers: what a draft filled on today's app looks like. */
const UI_FORM_ID = 'thuong-tru-ct01';
const UI_ANSWERS = {
  birthDate: '1985-07-20',
  sex: 'male',
  cccd: '001085012345',
  phone: '0987654321',
  permanentAddress: { provinceCode: '38', communeCode: '15865', detail: 'Thôn 3' },
  basis: 'family-home',
  headName: 'Phạm Văn Long',
  headRelationship: 'Con',
  // CT01 of Thông tư 53/2025/TT-BCA (thường trú v2): the head's and the owner's consent.
  headConsent: 'on-form',
  ownerName: 'Phạm Văn Long',
  ownerConsent: 'on-form',
  reason: 'Chuyển về ở cùng bố mẹ',
};

/**
 * A finished dossier the server will store (validated here, so a form change fails loudly).
 * 'outbox': an older form version still accepted, as a phone that queued it before an update;
 * 'ui': the newest version of a simple form, for a draft the app opens and submits itself.
 */
export function validSubmission(fullName: string, use: 'outbox' | 'ui' = 'outbox'): Submission {
  const form = use === 'outbox' ? findForm(FORM_ID, FORM_VERSION) : FORMS.find((f) => f.id === UI_FORM_ID);
  if (!form) throw new Error(`seed form for '${use}' is gone: update tests/e2e/phone-db.ts`);
  const answers = use === 'outbox' ? { ...ANSWERS, fullName } : { ...UI_ANSWERS, fullName };
  const check = checkSubmission(form, answers, { today: vietnamDateOf(Date.now()) });
  if (!check.ok) throw new Error(`seed answers no longer valid: ${JSON.stringify(check.errors)}`);
  // Consent is given on the review step, before the dossier is queued: never after (the server refuses that).
  const now = Date.now();
  return {
    id: crypto.randomUUID(),
    formId: form.id,
    formVersion: form.version,
    communeCode: DEFAULT_COMMUNE.code,
    answers: check.answers,
    submittedAt: now,
    consent: { version: CONSENT.version, lang: 'vi', agreedAt: now - 60_000 },
  };
}

export interface PhoneState {
  outbox: Array<{ id: string; state: string; attempts: number; lastError?: { code: string } }>;
  dossiers: Array<{ id: string; dossierCode: string; status: string }>;
  drafts: Array<{ id: string; answers: Record<string, unknown> }>;
}

/** Everything the phone holds, read in one transaction. */
export function readPhone(page: Page): Promise<PhoneState> {
  return page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(name);
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    try {
      const tx = db.transaction(['outbox', 'dossiers', 'drafts'], 'readonly');
      const all = (store: string) =>
        new Promise<unknown[]>((resolve, reject) => {
          const request = tx.objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
      const [outbox, dossiers, drafts] = await Promise.all([all('outbox'), all('dossiers'), all('drafts')]);
      return { outbox, dossiers, drafts } as never;
    } finally {
      db.close();
    }
  }, PHONE_DB);
}

/** Writes rows into a table of the phone's database (after the app created it). */
export function seedRows(page: Page, table: 'outbox' | 'drafts', rows: readonly unknown[]): Promise<void> {
  return page.evaluate(
    async ({ name, table, rows }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      try {
        const tx = db.transaction(table, 'readwrite', { durability: 'strict' });
        for (const row of rows) tx.objectStore(table).add(row);
        await new Promise<void>((resolve, reject) => {
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
      } finally {
        db.close();
      }
    },
    { name: PHONE_DB, table, rows },
  );
}

/** Queues finished dossiers exactly as enqueueSubmission writes them. */
export async function seedOutbox(page: Page, submissions: readonly Submission[]): Promise<void> {
  const now = Date.now();
  const rows = submissions.map((submission, i) => ({
    id: submission.id,
    submission,
    label: String(submission.answers.fullName),
    state: 'queued',
    attempts: 0,
    nextAttemptAt: now,
    queuedAt: now + i,
    updatedAt: now,
    origin: 'device',
  }));
  await seedRows(page, 'outbox', rows);
}
