/**
 * Pushing dossiers with attachments, on every adapter: a dossier is stored only when every blob
 * it references is stored, with the declared size and type; and the consent it carries.
 */
import { describe, expect, it } from 'vitest';
import { FORM_VERSIONS } from '../../../src/content/forms/index';
import type { Answers, FormDefinition } from '../../../src/domain/form-schema';
import type { PushResponse, PushResult, Submission } from '../../../src/domain/protocol';
import { readPullResponse, readPushResponse } from '../../../src/domain/protocol-read';
import {
  CONSENT_RECORD,
  NOW,
  SENDER,
  act,
  makeAccepted,
  makeBlob,
  makeSubmission,
  pull,
  push as pushAs,
  pushRequest,
  putBlob,
  refOf,
  type TestBlob,
} from '../fixtures';
import { STORE_BACKENDS, useTestServer } from '../stores';

const label = { vi: 'Trường thử', en: 'Test field' };

/** A form with a photo at the top and one in every item of a repeat group. */
const PHOTO_FORM: FormDefinition = {
  id: 'thu-anh',
  version: 1,
  procedureCode: '0.000000',
  title: { vi: 'Hồ sơ thử có ảnh', en: 'Test dossier with photos' },
  fields: [
    { id: 'fullName', kind: 'text', required: true, maxLength: 100, label },
    { id: 'proof', kind: 'attachment', accept: ['image/jpeg', 'image/png', 'application/pdf'], maxFiles: 3, label },
    {
      id: 'members',
      kind: 'group',
      maxItems: 5,
      label,
      fields: [
        { id: 'name', kind: 'text', required: true, maxLength: 100, label },
        { id: 'idPhoto', kind: 'attachment', required: true, accept: ['image/jpeg'], label },
      ],
    },
  ],
};

function photoSubmission(answers: Answers, overrides: Partial<Submission> = {}): Submission {
  return makeSubmission({ formId: PHOTO_FORM.id, formVersion: 1, answers: { fullName: 'Nguyễn Thị Hoa', ...answers }, ...overrides });
}

describe.each(STORE_BACKENDS)('push with attachments and consent on $kind', (backend) => {
  const server = useTestServer(backend, { forms: [...FORM_VERSIONS, PHOTO_FORM] });

  async function push(items: Submission[]): Promise<PushResult[]> {
    const res = await pushAs(server.app, await server.device(), pushRequest(items));
    expect(res.status).toBe(200);
    return ((await res.json()) as PushResponse).results;
  }

  async function upload(...blobs: TestBlob[]): Promise<void> {
    for (const blob of blobs)
      expect((await putBlob(server.app, await server.device(), blob.sha256, blob.bytes, blob.type)).status).toBe(201);
  }

  async function expectNothingStored(): Promise<void> {
    expect(await server.stores.dossiers.countDossiers()).toBe(0);
    expect(await server.db.rows('SELECT seq FROM status_changes')).toEqual([]);
  }

  it('answers missing-blobs with exactly the hashes not stored, stores nothing, then stores it once they are PUT', async () => {
    const [a, b, c] = [makeBlob(1), makeBlob(2, 800, 'image/png'), makeBlob(3, 600, 'application/pdf')];
    await upload(b!);
    const item = photoSubmission({ proof: [refOf(a!), refOf(b!, 'so-do.png'), refOf(c!, 'hop-dong.pdf')] });

    const [first] = await push([item]);
    expect(first).toEqual({ id: item.id, outcome: 'missing-blobs', missing: [a!.sha256, c!.sha256] });
    await expectNothingStored();

    await upload(a!, c!);
    const [second] = await push([item]);
    expect(second).toMatchObject({ id: item.id, outcome: 'stored', receivedAt: NOW });
    const stored = await server.stores.dossiers.getDossier(item.id);
    expect(stored?.answers.proof).toEqual([refOf(a!), refOf(b!, 'so-do.png'), refOf(c!, 'hop-dong.pdf')]);

    // A retry after the answer was lost: the same answer, nothing new.
    expect((await push([item]))[0]).toEqual({ ...second, outcome: 'duplicate' });
    expect(await server.stores.dossiers.countDossiers()).toBe(1);
  });

  it('names a blob referenced twice only once', async () => {
    const blob = makeBlob(4);
    const item = photoSubmission({ proof: [refOf(blob, 'mat-truoc.jpg')], members: [{ name: 'Lê Văn Nam', idPhoto: [refOf(blob)] }] });
    expect((await push([item]))[0]).toEqual({ id: item.id, outcome: 'missing-blobs', missing: [blob.sha256] });
  });

  it('finds photos inside a repeat group, and stores the dossier when they are all there', async () => {
    const [p0, p1] = [makeBlob(5), makeBlob(6)];
    const members = [
      { name: 'Lê Văn Nam', idPhoto: [refOf(p0!)] },
      { name: 'Lê Thị Lan', idPhoto: [refOf(p1!)] },
    ];
    await upload(p0!);
    const item = photoSubmission({ members });
    expect((await push([item]))[0]).toEqual({ id: item.id, outcome: 'missing-blobs', missing: [p1!.sha256] });
    await expectNothingStored();
    await upload(p1!);
    expect((await push([item]))[0]?.outcome).toBe('stored');
    expect((await server.stores.dossiers.getDossier(item.id))?.answers.members).toEqual(members);
  });

  it('refuses a ref whose size disagrees with the stored blob as invalid on that field path', async () => {
    const [p0, p1] = [makeBlob(7), makeBlob(8)];
    await upload(p0!, p1!);
    const item = photoSubmission({
      proof: [refOf(p0!)],
      members: [
        { name: 'Lê Văn Nam', idPhoto: [refOf(p0!)] },
        { name: 'Lê Thị Lan', idPhoto: [{ ...refOf(p1!), size: p1!.bytes.byteLength + 1 }] },
      ],
    });
    expect((await push([item]))[0]).toEqual({
      id: item.id,
      outcome: 'invalid',
      errors: [{ field: 'members[1].idPhoto', code: 'attachment-size' }],
    });
    await expectNothingStored();
  });

  it('refuses a ref whose type disagrees with the stored blob, even when another blob is missing', async () => {
    const png = makeBlob(9, 700, 'image/png');
    await upload(png);
    const item = photoSubmission({ proof: [{ ...refOf(png), type: 'image/jpeg' }, refOf(makeBlob(10))] });
    expect((await push([item]))[0]).toEqual({ id: item.id, outcome: 'invalid', errors: [{ field: 'proof', code: 'attachment-type' }] });
    await expectNothingStored();
  });

  it('stores the dossiers of a batch whose blobs are there and answers the others, in order', async () => {
    const [here, absent] = [makeBlob(11), makeBlob(12)];
    await upload(here!);
    const good = photoSubmission({ proof: [refOf(here!)] });
    const waiting = photoSubmission({ proof: [refOf(absent!)] });
    const plain = makeSubmission();
    const results = await push([waiting, good, plain]);
    expect(results.map((r) => r.outcome)).toEqual(['missing-blobs', 'stored', 'stored']);
    expect(await server.stores.dossiers.getDossier(waiting.id)).toBeNull();
    expect(await server.stores.dossiers.countDossiers()).toBe(2);
  });

  it('checks blobs of the commune the dossier is for (through the store contract)', async () => {
    const blob = makeBlob(13);
    await server.stores.sync.putBlob(blob.sha256, blob.type, blob.bytes, '00004', NOW, 'test-device');
    const item = makeAccepted({ attachments: [{ path: 'proof', ref: refOf(blob) }] });
    expect(await server.stores.sync.pushBatch(SENDER, [item], NOW)).toEqual([
      { id: item.id, outcome: 'missing-blobs', missing: [blob.sha256] },
    ]);
    await server.stores.sync.putBlob(blob.sha256, blob.type, blob.bytes, item.communeCode, NOW, 'test-device');
    expect((await server.stores.sync.pushBatch(SENDER, [item], NOW))[0]?.outcome).toBe('stored');
  });

  it('stores the consent with the dossier and gives it back', async () => {
    const item = makeSubmission({ consent: { version: 'consent-dossier-2026-11-28', lang: 'en', agreedAt: NOW - 3605_000 } });
    expect((await push([item]))[0]?.outcome).toBe('stored');
    expect((await server.stores.dossiers.getDossier(item.id))?.consent).toEqual({
      version: 'consent-dossier-2026-11-28',
      lang: 'en',
      agreedAt: NOW - 3605_000,
    });
    const [row] = await server.db.rows('SELECT consent_version, consent_lang, consent_agreed_at FROM dossiers WHERE id = ?', item.id);
    expect(row).toEqual({ consent_version: 'consent-dossier-2026-11-28', consent_lang: 'en', consent_agreed_at: NOW - 3605_000 });
  });

  it('answers a retry with another consent record as duplicate and keeps the first one', async () => {
    const item = makeSubmission();
    const [first] = await push([item]);
    const [again] = await push([{ ...item, consent: { ...CONSENT_RECORD, lang: 'en', agreedAt: NOW - 3600_000 } }]);
    expect(again).toEqual({ ...first, outcome: 'duplicate' });
    expect((await server.stores.dossiers.getDossier(item.id))?.consent).toEqual(CONSENT_RECORD);
  });

  it.each([
    ['missing', undefined, 'required'],
    ['null', null, 'required'],
    ['not an object', 'yes', 'wrong-type'],
    ['in another language', { ...CONSENT_RECORD, lang: 'fr' }, 'wrong-type'],
    ['without a version', { lang: 'vi', agreedAt: NOW }, 'wrong-type'],
    ['with a version that is not an id', { ...CONSENT_RECORD, version: 'tôi đồng ý' }, 'wrong-type'],
    ['with a time that is not whole milliseconds', { ...CONSENT_RECORD, agreedAt: 1.5 }, 'wrong-type'],
  ])('refuses a dossier whose consent is %s', async (_name, consent, code) => {
    const item = { ...makeSubmission(), consent } as unknown as Submission;
    if (consent === undefined) delete (item as { consent?: unknown }).consent;
    expect((await push([item]))[0]).toEqual({ id: item.id, outcome: 'invalid', errors: [{ field: 'consent', code }] });
    await expectNothingStored();
  });

  it('keeps the consent and the attachments across a store reopen', async () => {
    const blob = makeBlob(14);
    await upload(blob);
    const item = photoSubmission({ proof: [refOf(blob)] });
    expect((await push([item]))[0]?.outcome).toBe('stored');
    await server.stores.close();
    const reopened = await server.db.open();
    expect(await reopened.dossiers.getDossier(item.id)).toMatchObject({ consent: CONSENT_RECORD, answers: { proof: [refOf(blob)] } });
    expect(await reopened.sync.missingBlobs([blob.sha256], item.communeCode)).toEqual([]);
  });

  it("answers push and pull in a shape the phone's readers take whole, every outcome and a status note included", async () => {
    const here = makeBlob(15);
    await upload(here);
    const stored = photoSubmission({ proof: [refOf(here)] });
    const waiting = photoSubmission({ proof: [refOf(makeBlob(16))] });
    const changed = { ...stored, answers: { ...stored.answers, fullName: 'Lê Văn Nam' } };
    const bad = makeSubmission({}, { phone: '0123' });
    const phone = await server.device();
    const first = await pushAs(server.app, phone, pushRequest([stored, waiting, bad]));
    await act(server.app, await server.officer(), stored.id, 'request-supplement', 'Bổ sung ảnh');
    const second = await pushAs(server.app, phone, pushRequest([stored, changed]));
    // A conflict with a dossier another phone sent names no code; the reader takes that too.
    const stranger = await pushAs(server.app, await server.device('b'), pushRequest([changed]));
    for (const res of [first, second, stranger]) {
      const body: unknown = await res.json();
      expect(readPushResponse(body)).toEqual(body);
    }
    const page: unknown = await (await pull(server.app, 0, phone)).json();
    expect(readPullResponse(page)).toEqual(page);
    expect((page as { changes: unknown[] }).changes).toHaveLength(2);
  });
});
