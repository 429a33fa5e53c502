/** The blobs table: stored once per hash, kept while a draft or outbox row needs it, upgraded in from v2. */
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { SCHEMA_V1, createDb } from '../../../src/storage/db';
import { createPhoneStorage } from '../../../src/storage/phone-storage';
import { UNREFERENCED_GRACE_MS } from '../../../src/storage/blobs';
import { makeSubmission, useFreshStorage } from './fresh-storage';

const HASH_A = 'a'.repeat(64);
const HASH_B = 'b'.repeat(64);
const HASH_C = 'c'.repeat(64);

function ref(sha256: string, name = 'giay-to.jpg') {
  return { sha256, name, type: 'image/jpeg' as const, size: 3 };
}

function jpeg(text: string): Blob {
  return new Blob([text], { type: 'image/jpeg' });
}

async function text(blob: Blob | undefined): Promise<string | undefined> {
  return blob ? new TextDecoder().decode(await blob.arrayBuffer()) : undefined;
}

describe('blobs (storage)', () => {
  const storage = useFreshStorage();

  it('stores a blob under its hash once; a second put keeps the first bytes', async () => {
    expect(await storage().blobs.hasBlob(HASH_A)).toBe(false);
    await storage().blobs.putBlob(HASH_A, jpeg('one'), 'image/jpeg', 10);
    await storage().blobs.putBlob(HASH_A, jpeg('two'), 'image/jpeg', 20);
    const stored = await storage().blobs.getBlob(HASH_A);
    expect(stored?.type).toBe('image/jpeg');
    expect(await text(stored?.blob)).toBe('one');
    expect(await storage().blobs.hasBlob(HASH_A)).toBe(true);
    expect(await storage().blobs.hasAllBlobs([HASH_A])).toBe(true);
    expect(await storage().blobs.hasAllBlobs([HASH_A, HASH_B])).toBe(false);
    expect(await storage().blobs.getBlob(HASH_B)).toBeUndefined();
  });

  it('the sweep keeps blobs a draft or an outbox row references, and young ones', async () => {
    const now = 10 * UNREFERENCED_GRACE_MS;
    const old = now - UNREFERENCED_GRACE_MS;
    for (const hash of [HASH_A, HASH_B, HASH_C]) await storage().blobs.putBlob(hash, jpeg(hash), 'image/jpeg', old);
    const young = 'd'.repeat(64);
    await storage().blobs.putBlob(young, jpeg('young'), 'image/jpeg', now - 1);

    const draft = await storage().drafts.createDraft('tam-tru-ct01', 2, 1);
    // Inside a group item, as CT01's members would hold them.
    await storage().drafts.saveDraft(draft.id, { answers: { members: [{ fullName: 'An', photo: [ref(HASH_A)] }] } }, 2);
    await storage().outbox.enqueueSubmission(makeSubmission({ answers: { lawfulHomeProof: [ref(HASH_B)] } }), 'B', 3);

    expect(await storage().blobs.deleteUnreferencedBlobs({ now })).toEqual([HASH_C]);
    expect(await storage().blobs.hasAllBlobs([HASH_A, HASH_B, young])).toBe(true);
    expect(await storage().blobs.hasBlob(HASH_C)).toBe(false);
    expect(await storage().drafts.getDraft(draft.id)).toBeDefined();
  });

  it('deleteBlobsOf removes the blobs of sent answers at once, unless another dossier still needs them', async () => {
    await storage().blobs.putBlob(HASH_A, jpeg('a'), 'image/jpeg', Date.now());
    await storage().blobs.putBlob(HASH_B, jpeg('b'), 'image/jpeg', Date.now());
    const draft = await storage().drafts.createDraft('tam-tru-ct01', 2, 1);
    await storage().drafts.saveDraft(draft.id, { answers: { lawfulHomeProof: [ref(HASH_B)] } }, 2);

    const sent = { lawfulHomeProof: [ref(HASH_A), ref(HASH_B)] };
    expect(await storage().blobs.deleteBlobsOf([sent], Date.now())).toEqual([HASH_A]);
    expect(await storage().blobs.hasBlob(HASH_A)).toBe(false);
    expect(await storage().blobs.hasBlob(HASH_B)).toBe(true);
    expect(await storage().blobs.deleteBlobsOf([{ fullName: 'no photos' }], Date.now())).toEqual([]);
  });
});

describe('Dexie upgrade v2 → v3', () => {
  it('keeps drafts, outbox rows and dossiers written by version 2, and adds an empty blobs table', async () => {
    const name = `upgrade-v3-${crypto.randomUUID()}`;
    // Exactly the two versions that shipped before blobs.
    const v2 = new Dexie(name);
    v2.version(1).stores(SCHEMA_V1);
    v2.version(2).stores({ outbox: 'id, state, nextAttemptAt, [state+nextAttemptAt], queuedAt' });
    await v2.open();
    const submission = makeSubmission({ answers: { lawfulHomeProof: [ref(HASH_A)] } });
    const outboxRow = {
      id: submission.id,
      submission,
      label: 'A',
      state: 'queued',
      attempts: 1,
      nextAttemptAt: 50,
      queuedAt: 40,
      updatedAt: 45,
      origin: 'import',
    };
    await v2.table('outbox').add(outboxRow);
    await v2
      .table('drafts')
      .add({ id: 'draft-1', formId: 'tam-tru-ct01', formVersion: 2, answers: { fullName: 'Lò Văn Páo' }, createdAt: 1, updatedAt: 2 });
    await v2.table('dossiers').add({
      id: 'd-1',
      dossierCode: 'HS-1',
      formId: 'tam-tru-ct01',
      label: 'C',
      status: 'received',
      submittedAt: 1,
      receivedAt: 2,
      updatedAt: 3,
    });
    v2.close();

    const v3 = createDb(name);
    const v3Phone = createPhoneStorage({ db: v3 });
    await v3.open();
    try {
      expect(v3.verno).toBe(5);
      expect(await v3Phone.outbox.listOutbox()).toEqual([outboxRow]);
      expect(await v3Phone.drafts.getDraft('draft-1')).toMatchObject({ answers: { fullName: 'Lò Văn Páo' } });
      expect(await v3.dossiers.get('d-1')).toMatchObject({ dossierCode: 'HS-1' });
      expect(await v3.blobs.count()).toBe(0);
      await v3Phone.blobs.putBlob(HASH_A, jpeg('a'), 'image/jpeg', Date.now());
      expect(await v3Phone.blobs.hasBlob(HASH_A)).toBe(true);
    } finally {
      v3.close();
    }
  });
});
