/** The vault and drafts at rest: v3 drafts upgraded and encrypted when a PIN is set, wrong PINs counted, nothing in clear. */
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { SCHEMA_V1, createDb } from '../../../src/storage/db';
import { createPhoneStorage, createNamedPhoneStorage } from '../../../src/storage/phone-storage';
import { VaultLockedError } from '../../../src/storage/vault';

const FAST = { iterations: 1_000 };
const NAME = 'Lò Văn Páo';
const CCCD = '011095001234';

/** Every byte IndexedDB holds for the drafts table, as text. */
async function rawDrafts(db: Dexie): Promise<string> {
  const rows = await db.table('drafts').toArray();
  return JSON.stringify(rows, (_k, v: unknown) =>
    v instanceof ArrayBuffer || ArrayBuffer.isView(v) ? Buffer.from(v as ArrayBuffer).toString('latin1') : v,
  );
}

describe('vault', () => {
  it('upgrades a v3 phone, keeps its drafts readable, and encrypts them when the PIN is set', async () => {
    const name = `vault-${crypto.randomUUID()}`;
    const v3 = new Dexie(name);
    v3.version(1).stores(SCHEMA_V1);
    v3.version(2).stores({ outbox: 'id, state, nextAttemptAt, [state+nextAttemptAt], queuedAt' });
    v3.version(3).stores({ blobs: 'sha256' });
    await v3.open();
    await v3.table('drafts').add({
      id: 'draft-1',
      formId: 'tam-tru-ct01',
      formVersion: 1,
      answers: { fullName: NAME, cccd: CCCD },
      label: NAME,
      createdAt: 1,
      updatedAt: 2,
    });
    v3.close();

    const db = createDb(name);
    const phone = createPhoneStorage({ db, vault: FAST });
    await db.open();
    expect(db.verno).toBe(4);
    expect(await phone.vault.status()).toMatchObject({ pinSet: false, unlocked: false });
    expect(await phone.drafts.getDraft('draft-1')).toMatchObject({ answers: { fullName: NAME }, label: NAME });

    await phone.vault.setPin('246810', 10, async (key) => {
      await phone.drafts.encryptAll(key);
    });
    const raw = await rawDrafts(db);
    expect(raw).not.toContain(NAME);
    expect(raw).not.toContain(CCCD);
    expect(await phone.drafts.getDraft('draft-1')).toMatchObject({ answers: { fullName: NAME, cccd: CCCD }, label: NAME, updatedAt: 2 });

    phone.vault.lock();
    await expect(phone.drafts.getDraft('draft-1')).rejects.toBeInstanceOf(VaultLockedError);
    // Locked, nothing may be written in clear.
    await expect(phone.drafts.createDraft('tam-tru-ct01', 1, 20)).rejects.toBeInstanceOf(VaultLockedError);
    await expect(phone.drafts.saveDraft('draft-1', { label: 'x' }, 20)).rejects.toBeInstanceOf(VaultLockedError);
    expect(await phone.vault.unlock('246810', 30)).toEqual({ ok: true });
    expect((await phone.drafts.getDraft('draft-1'))?.label).toBe(NAME);
    db.close();
  });

  it('writes new drafts and every save encrypted once a PIN is set', async () => {
    const phone = createNamedPhoneStorage(`vault-${crypto.randomUUID()}`, FAST);
    await phone.vault.setPin('135790', 1);
    const draft = await phone.drafts.createDraft('tam-tru-ct01', 1, 1);
    await phone.drafts.saveDraft(draft.id, { answers: { fullName: NAME, cccd: CCCD }, label: NAME, focusField: 'cccd' }, 2);
    await phone.drafts.saveDraft(draft.id, { answers: { fullName: NAME, cccd: CCCD, reason: 'Đi làm' } }, 3);
    expect(await rawDrafts(phone.db)).not.toContain(CCCD);
    expect(await phone.drafts.listDrafts()).toEqual([
      expect.objectContaining({
        id: draft.id,
        answers: { fullName: NAME, cccd: CCCD, reason: 'Đi làm' },
        label: NAME,
        focusField: 'cccd',
        updatedAt: 3,
      }),
    ]);
    phone.close();
  });

  it('counts wrong PINs across restarts, waits after five, offers a wipe after ten, and resets on the right one', async () => {
    const name = `vault-${crypto.randomUUID()}`;
    let phone = createNamedPhoneStorage(name, FAST);
    await phone.vault.setPin('135790', 0);
    phone.vault.lock();
    let now = 1_000;
    for (let i = 1; i <= 5; i++) {
      const result = await phone.vault.unlock('000000', now);
      expect(result).toMatchObject({ ok: false, reason: 'wrong-pin', status: { failures: i } });
    }
    // The sixth try must wait 30 s, even with the right PIN, even after a restart.
    phone.close();
    phone = createNamedPhoneStorage(name, FAST);
    expect(await phone.vault.unlock('135790', now + 1_000)).toMatchObject({
      ok: false,
      reason: 'wait',
      status: { nextTryAt: now + 30_000 },
    });
    for (let i = 6; i <= 10; i++) {
      now += 3_600_000;
      await phone.vault.unlock('000000', now);
    }
    expect(await phone.vault.status()).toMatchObject({ failures: 10, offerWipe: true });
    now += 3_600_000;
    expect(await phone.vault.unlock('135790', now)).toEqual({ ok: true });
    expect(await phone.vault.status()).toMatchObject({ failures: 0, offerWipe: false, unlocked: true });
    await phone.vault.forget();
    expect(await phone.vault.status()).toMatchObject({ pinSet: false, unlocked: false });
    phone.close();
  });
});
