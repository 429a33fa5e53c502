/** The hand-off file: WebCrypto in Node 20, then import into the real outbox (fake-indexeddb). */
import { describe, expect, it } from 'vitest';
import {
  HandoffError,
  PBKDF2_ITERATIONS,
  checkPayload,
  decryptHandoff,
  encryptHandoff,
  fromBase64,
  toBase64,
  type HandoffPayload,
} from '../../../src/sync/handoff';
import { exportOutbox, importHandoffFile } from '../../../src/sync/handoff-store';
import { createDb } from '../../../src/storage/db';
import { createPhoneStorage } from '../../../src/storage/phone-storage';
import { makeSubmission, useFreshStorage } from '../storage/fresh-storage';

const storage = useFreshStorage();

const PASS = 'Mật khẩu thôn 3';

function payload(count = 2): HandoffPayload {
  return {
    exportedAt: 1_700_000_000_000,
    deviceId: 'phone-A',
    items: Array.from({ length: count }, (_, i) => ({
      submission: makeSubmission({ answers: { fullName: `Người ${i}` } }),
      label: `Người ${i}`,
      queuedAt: 1000 + i,
    })),
  };
}

async function expectHandoffError(promise: Promise<unknown>, code: HandoffError['code']): Promise<void> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HandoffError);
  expect((error as HandoffError).code).toBe(code);
}

describe('hand-off file: crypto and format', () => {
  it('round trip; the envelope says how it was made and holds no personal data in clear', async () => {
    const original = payload();
    original.blobs = [{ sha256: 'a'.repeat(64), type: 'image/jpeg', data: toBase64(new Uint8Array([1, 2, 3])) }];
    const text = await encryptHandoff(original, PASS);
    const envelope = JSON.parse(text) as Record<string, any>;
    expect(envelope).toMatchObject({
      format: 'mcld-outbox',
      version: 1,
      kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: PBKDF2_ITERATIONS },
      cipher: { name: 'AES-GCM' },
    });
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(310_000);
    expect(fromBase64(envelope.kdf.salt)).toHaveLength(16);
    expect(fromBase64(envelope.cipher.iv)).toHaveLength(12);
    expect(text).not.toContain('Người');
    expect(text).not.toContain(original.items[0]!.submission.id);
    // The same passphrase typed with a keyboard that sends NFD still opens it.
    expect(await decryptHandoff(text, PASS.normalize('NFD'))).toEqual(original);
  });

  it('a wrong passphrase says so', async () => {
    const text = await encryptHandoff(payload(), PASS);
    await expectHandoffError(decryptHandoff(text, 'mật khẩu khác'), 'wrong-passphrase');
  });

  it('a changed byte of the data, or a changed envelope field, says the file was damaged or changed', async () => {
    const text = await encryptHandoff(payload(), PASS);
    const envelope = JSON.parse(text) as Record<string, any>;
    const data = fromBase64(envelope.data);
    data[10] = data[10]! ^ 0x01;
    await expectHandoffError(decryptHandoff(JSON.stringify({ ...envelope, data: toBase64(data) }), PASS), 'damaged');
    const iv = fromBase64(envelope.cipher.iv);
    iv[0] = iv[0]! ^ 0x80;
    await expectHandoffError(
      decryptHandoff(JSON.stringify({ ...envelope, cipher: { ...envelope.cipher, iv: toBase64(iv) } }), PASS),
      'damaged',
    );
    await expectHandoffError(decryptHandoff(JSON.stringify({ ...envelope, data: envelope.data.slice(0, -8) }), PASS), 'damaged');
    await expectHandoffError(decryptHandoff(JSON.stringify({ ...envelope, kdf: { ...envelope.kdf, iterations: 100 } }), PASS), 'damaged');
  });

  it('other files and other versions are named as such', async () => {
    await expectHandoffError(decryptHandoff('not json at all', PASS), 'not-a-handoff-file');
    await expectHandoffError(decryptHandoff('{"format":"something-else"}', PASS), 'not-a-handoff-file');
    await expectHandoffError(decryptHandoff('{"format":"mcld-outbox","version":2}', PASS), 'unsupported-version');
  });

  it('refuses a short passphrase when making a file', async () => {
    await expectHandoffError(encryptHandoff(payload(), 'ngắn'), 'weak-passphrase');
  });

  it('checkPayload refuses items that are not submissions, and bad photos', () => {
    const good = payload(1);
    expect(checkPayload(JSON.parse(JSON.stringify(good)))).toEqual(good);
    expect(() => checkPayload({ ...good, items: [{ label: 'x', queuedAt: 1, submission: { id: 'nope' } }] })).toThrow(HandoffError);
    expect(() => checkPayload({ ...good, blobs: [{ sha256: 'xyz', type: 'image/jpeg', data: '' }] })).toThrow(HandoffError);
    expect(() => checkPayload(null)).toThrow(HandoffError);
  });
});

describe('hand-off file: export and import against the outbox', () => {
  it('export takes every unsent dossier; import on another phone queues them with the same ids, twice adds nothing', async () => {
    const a = makeSubmission();
    const b = makeSubmission();
    await storage().outbox.enqueueSubmission(a, 'Phone A: An', 1000);
    await storage().outbox.enqueueSubmission(b, 'Phone A: Bình', 2000);
    const exported = await exportOutbox(storage(), PASS, { deviceId: 'phone-A', now: 3000 });
    expect(exported.count).toBe(2);
    expect((await storage().outbox.listOutbox()).map((row) => row.exportedAt)).toEqual([3000, 3000]);
    // Exporting never removes anything: only the server's answer does.
    expect(await storage().outbox.countPending()).toBe(2);

    // Another phone: its own database.
    const other = createDb(`other-${crypto.randomUUID()}`);
    const otherPhone = createPhoneStorage({ db: other });
    await other.open();
    const first = await importHandoffFile(otherPhone, exported.text, PASS, { now: 9000 });
    expect(first).toMatchObject({ added: [a.id, b.id], alreadyQueued: [], alreadySent: [], fromDevice: 'phone-A', exportedAt: 3000 });
    expect(await otherPhone.outbox.getOutboxItem(a.id)).toEqual({
      id: a.id,
      submission: a,
      label: 'Phone A: An',
      state: 'queued',
      attempts: 0,
      nextAttemptAt: 9000,
      queuedAt: 1000,
      updatedAt: 9000,
      origin: 'import',
    });
    const second = await importHandoffFile(otherPhone, exported.text, PASS, { now: 9500 });
    expect(second).toMatchObject({ added: [], alreadyQueued: [a.id, b.id], alreadySent: [] });
    expect(await otherPhone.outbox.countPending()).toBe(2);
    other.close();
  });

  it('an id already answered on this phone is skipped; a draft with the same id gives way to the finalised dossier', async () => {
    const sent = makeSubmission();
    await storage().outbox.enqueueSubmission(sent, 'Đã gửi', 1000);
    await storage().outbox.markSending([sent.id], Date.now());
    await storage().outbox.recordResults([{ id: sent.id, outcome: 'stored', dossierCode: 'HS-1', receivedAt: 1500 }], Date.now());
    const draft = await storage().drafts.createDraft('tam-tru-ct01', 1, 1600);
    const finalised = makeSubmission({ id: draft.id });
    const text = await encryptHandoff(
      { exportedAt: 2000, deviceId: 'phone-B', items: [sent, finalised].map((submission) => ({ submission, label: 'x', queuedAt: 1 })) },
      PASS,
    );
    const result = await importHandoffFile(storage(), text, PASS, { now: 3000 });
    expect(result).toMatchObject({ added: [draft.id], alreadyQueued: [], alreadySent: [sent.id] });
    expect(await storage().drafts.getDraft(draft.id)).toBeUndefined();
    expect(await storage().outbox.countPending()).toBe(1);
  });

  it('a wrong passphrase imports nothing', async () => {
    const text = await encryptHandoff(payload(), PASS);
    await expectHandoffError(importHandoffFile(storage(), text, 'sai mật khẩu', { now: Date.now() }), 'wrong-passphrase');
    expect(await storage().outbox.countPending()).toBe(0);
  });

  it('photos in the file reach the blob store before the dossiers are queued', async () => {
    const withPhoto = payload(1);
    withPhoto.blobs = [{ sha256: 'b'.repeat(64), type: 'image/jpeg', data: toBase64(new Uint8Array([9])) }];
    const text = await encryptHandoff(withPhoto, PASS);
    const order: string[] = [];
    await importHandoffFile(storage(), text, PASS, {
      now: Date.now(),
      storeBlobs: async (blobs) => {
        order.push(`blobs:${blobs.length}:${await storage().outbox.countPending()}`);
      },
    });
    expect(order).toEqual(['blobs:1:0']);
    expect(await storage().outbox.countPending()).toBe(1);
  });

  it('exported photos travel in the file and are stored, hash-checked, on the other phone', async () => {
    const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5]);
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
    const sha256 = Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
    await storage().blobs.putBlob(sha256, new Blob([bytes], { type: 'image/jpeg' }), 'image/jpeg', Date.now());
    const ref = { sha256, name: 'so-ho-khau.jpg', type: 'image/jpeg', size: bytes.length };
    const dossier = makeSubmission({ answers: { fullName: 'An', lawfulHomeProof: [ref] } });
    await storage().outbox.enqueueSubmission(dossier, 'An', 1000);
    const exported = await exportOutbox(storage(), PASS, { deviceId: 'phone-A', now: 2000 });

    const other = createDb(`other-${crypto.randomUUID()}`);
    const otherPhone = createPhoneStorage({ db: other });
    await other.open();
    expect(await otherPhone.blobs.getBlob(sha256)).toBeUndefined();
    await importHandoffFile(otherPhone, exported.text, PASS, { now: 3000 });
    const stored = await otherPhone.blobs.getBlob(sha256);
    expect(new Uint8Array(await stored!.blob.arrayBuffer())).toEqual(bytes);
    expect(await otherPhone.outbox.countPending()).toBe(1);
    other.close();
  });

  it('a photo whose bytes do not match its hash is refused and nothing is queued', async () => {
    const forged = payload(1);
    forged.blobs = [{ sha256: 'c'.repeat(64), type: 'image/jpeg', data: toBase64(new Uint8Array([1, 2, 3])) }];
    const text = await encryptHandoff(forged, PASS);
    await expectHandoffError(importHandoffFile(storage(), text, PASS, { now: Date.now() }), 'damaged');
    expect(await storage().blobs.getBlob('c'.repeat(64))).toBeUndefined();
    expect(await storage().outbox.countPending()).toBe(0);
  });
});
