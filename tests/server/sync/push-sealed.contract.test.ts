/** Sealed pushes on every adapter: opened, then checked and stored exactly as clear ones; broken boxes refused by name. */
import { describe, expect, it } from 'vitest';
import { importSealPublicKey, sealJson } from '../../../src/crypto/seal';
import type { PushResponse, PushResult, SealedItem, Submission } from '../../../src/domain/protocol';
import { SYNC_PROTOCOL_VERSION } from '../../../src/domain/protocol';
import { freshKeyring, keyringOf } from '../../../src/server/keys/seal-keys';
import { generateSealKeyPair } from '../../../src/crypto/seal';
import { makeSubmission, push as pushAs } from '../fixtures';
import { STORE_BACKENDS, useTestServer } from '../stores';

const oldPair = await generateSealKeyPair();
const newPair = await generateSealKeyPair();
// Rotated once: phones seal to the new key; items sealed to the old one still open.
const keyring = await keyringOf([oldPair.privateJwk, newPair.privateJwk], newPair.kid);
const current = await importSealPublicKey(newPair.published);
const old = await importSealPublicKey(oldPair.published);

async function sealed(submission: Submission, to = current, context = submission.id): Promise<SealedItem> {
  return { id: submission.id, sealed: await sealJson(to, submission, context) };
}

describe.each(STORE_BACKENDS)('sealed push with $kind', (backend) => {
  const server = useTestServer(backend, { sealKeys: keyring });

  async function push(items: (Submission | SealedItem)[]): Promise<PushResult[]> {
    const res = await pushAs(server.app, await server.device(), { protocol: SYNC_PROTOCOL_VERSION, items });
    expect(res.status).toBe(200);
    return ((await res.json()) as PushResponse).results;
  }

  it('publishes the current key at GET /api/v1/keys/seal', async () => {
    const res = await server.app.request('/api/v1/keys/seal');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ...newPair.published, alg: 'ECDH-P256+HKDF-SHA256+A256GCM' });
  });

  it('opens a sealed dossier and stores its answers; a retry, sealed anew or clear, is a duplicate; changed content a conflict', async () => {
    const item = makeSubmission();
    const [first] = await push([await sealed(item)]);
    expect(first).toMatchObject({ id: item.id, outcome: 'stored' });
    const [row] = await server.db.rows('SELECT answers_json FROM dossiers WHERE id = ?', item.id);
    expect(JSON.parse(row?.answers_json as string)).toEqual(item.answers);
    const [again] = await push([await sealed(item)]);
    expect(again).toEqual({ ...first, outcome: 'duplicate' });
    const [clear] = await push([item]);
    expect(clear).toEqual({ ...first, outcome: 'duplicate' });
    const [changed] = await push([await sealed({ ...item, answers: { ...item.answers, reason: 'Đi học' } })]);
    expect(changed).toMatchObject({ id: item.id, outcome: 'conflict' });
    expect(await server.stores.dossiers.countDossiers()).toBe(1);
  });

  it('opens a dossier sealed to a key from before the rotation', async () => {
    const item = makeSubmission();
    const [result] = await push([await sealed(item, old)]);
    expect(result).toMatchObject({ outcome: 'stored' });
  });

  it('validates the opened dossier exactly as a clear one', async () => {
    const item = makeSubmission({}, { fullName: undefined });
    const [result] = await push([await sealed(item)]);
    expect(result).toEqual({ id: item.id, outcome: 'invalid', errors: [{ field: 'fullName', code: 'required' }] });
  });

  it('refuses tampered, relabelled, moved and unknown-key boxes by name and stores nothing of them', async () => {
    const good = makeSubmission();
    const tampered = await sealed(makeSubmission());
    tampered.sealed.ct = (tampered.sealed.ct[0] === 'A' ? 'B' : 'A') + tampered.sealed.ct.slice(1);
    const relabelled = await sealed(makeSubmission(), old);
    relabelled.sealed.kid = newPair.kid;
    const victim = makeSubmission();
    // A box made for one dossier id pushed under another.
    const moved: SealedItem = { id: victim.id, sealed: (await sealed(makeSubmission())).sealed };
    const stranger = await freshKeyring();
    const unknown = { id: makeSubmission().id, sealed: await sealJson(await importSealPublicKey(stranger.current), good, 'x') };
    const innerOther = makeSubmission();
    const mismatched: SealedItem = { id: innerOther.id, sealed: await sealJson(current, makeSubmission(), innerOther.id) };
    const malformed = { id: makeSubmission().id, sealed: { v: 1, kid: newPair.kid, epk: 'x', iv: 'y', ct: 'z' } };
    const results = await push([tampered, relabelled, moved, unknown, mismatched, malformed as SealedItem, await sealed(good)]);
    const codes = results.map((r) => (r.outcome === 'invalid' ? r.errors : r.outcome));
    expect(codes).toEqual([
      [{ field: 'sealed', code: 'seal-tampered' }],
      [{ field: 'sealed', code: 'seal-tampered' }],
      [{ field: 'sealed', code: 'seal-tampered' }],
      [{ field: 'sealed', code: 'seal-unknown-key' }],
      [{ field: 'sealed', code: 'seal-malformed' }],
      [{ field: 'sealed', code: 'seal-malformed' }],
      'stored',
    ]);
    expect(await server.stores.dossiers.countDossiers()).toBe(1);
  });
});

describe('a server without sealing keys', () => {
  const server = useTestServer(STORE_BACKENDS[0]!);
  it('has no key route and answers a sealed item seal-unknown-key', async () => {
    expect((await server.app.request('/api/v1/keys/seal')).status).toBe(404);
    const item = makeSubmission();
    const res = await pushAs(server.app, await server.device(), { protocol: SYNC_PROTOCOL_VERSION, items: [await sealed(item)] });
    expect(((await res.json()) as PushResponse).results).toEqual([
      { id: item.id, outcome: 'invalid', errors: [{ field: 'sealed', code: 'seal-unknown-key' }] },
    ]);
  });
});
