/**
 * A resident phone's daily allowance (dossiers and photo bytes, answered 429 quota-exceeded with
 * Retry-After, nothing stored), an enrolled staff phone without one, and the purge of uploaded
 * blobs that no dossier referenced within the grace period, on every adapter.
 */
import { describe, expect, it } from 'vitest';
import type { PushResponse, Submission } from '../../../src/domain/protocol';
import { UNREFERENCED_GRACE_MS, purgeUnreferencedBlobs, schedulePurge } from '../../../src/server/sync/blob-purge';
import { QUOTA_WINDOW_MS } from '../../../src/server/sync/resident-quota';
import { NOW, enrolPhone, makeBlob, makeStaff, makeSubmission, push, putBlob, pushRequest, refOf, type TestDevice } from '../fixtures';
import { STORE_BACKENDS, useTestServer } from '../stores';

const QUOTA = { dossiersPerDay: 3, photoBytesPerDay: 5000 };

describe.each(STORE_BACKENDS)('resident quota and blob purge with $kind', (backend) => {
  const server = useTestServer(backend, { residentQuota: QUOTA });

  async function pushItems(device: TestDevice, items: Submission[]): Promise<Response> {
    return push(server.app, device, pushRequest(items));
  }
  const dossierCount = () => server.stores.dossiers.countDossiers();

  it('stores up to the daily number of dossiers, then answers 429 quota-exceeded with Retry-After and stores nothing', async () => {
    const phone = await server.device();
    const first = [makeSubmission(), makeSubmission()];
    const res = await pushItems(phone, first);
    expect(res.status).toBe(200);
    expect(((await res.json()) as PushResponse).results.map((r) => r.outcome)).toEqual(['stored', 'stored']);

    // One left: of two new items only the first is taken; the second gets no answer (sent again later).
    const [third, fourth] = [makeSubmission(), makeSubmission()];
    const partial = (await (await pushItems(phone, [third!, fourth!])).json()) as PushResponse;
    expect(partial.results.map((r) => [r.id, r.outcome])).toEqual([[third!.id, 'stored']]);
    expect(await dossierCount()).toBe(3);

    server.setNow(NOW + 60_000);
    const refused = await pushItems(phone, [fourth!]);
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ error: 'quota-exceeded' });
    // The first dossier of the window leaves it 24 hours after it was stored.
    expect(Number(refused.headers.get('retry-after'))).toBe((QUOTA_WINDOW_MS - 60_000) / 1000);
    expect(await dossierCount()).toBe(3);

    // A retry of a stored dossier costs nothing: answered duplicate even with the allowance spent.
    const retry = (await (await pushItems(phone, [first[0]!])).json()) as PushResponse;
    expect(retry.results.map((r) => r.outcome)).toEqual(['duplicate']);

    // Another phone has its own allowance; and a day later this one has its allowance back.
    expect((await pushItems(await server.device('b'), [makeSubmission()])).status).toBe(200);
    server.setNow(NOW + QUOTA_WINDOW_MS + 1);
    const later = (await (await pushItems(phone, [fourth!])).json()) as PushResponse;
    expect(later.results.map((r) => r.outcome)).toEqual(['stored']);
  });

  it('does not limit an enrolled staff phone', async () => {
    const officer = await server.officer();
    const outreach = await makeStaff(server, 'outreach');
    const phone = await enrolPhone(server.app, officer, outreach);
    const items = Array.from({ length: QUOTA.dossiersPerDay + 2 }, () => makeSubmission());
    const res = await pushItems(phone, items);
    expect(((await res.json()) as PushResponse).results.every((r) => r.outcome === 'stored')).toBe(true);
    expect(await dossierCount()).toBe(items.length);
  });

  it('refuses a photo past the daily bytes with 429 quota-exceeded and stores nothing; a photo already stored is free', async () => {
    const phone = await server.device();
    const [a, b, c] = [makeBlob(1, 2000), makeBlob(2, 2000), makeBlob(3, 2000)];
    expect((await putBlob(server.app, phone, a.sha256, a.bytes)).status).toBe(201);
    server.setNow(NOW + 1000);
    expect((await putBlob(server.app, phone, b.sha256, b.bytes)).status).toBe(201);
    const refused = await putBlob(server.app, phone, c.sha256, c.bytes);
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ error: 'quota-exceeded' });
    expect(Number(refused.headers.get('retry-after'))).toBe((QUOTA_WINDOW_MS - 1000) / 1000);
    expect(await server.stores.sync.hasBlob(c.sha256, makeSubmission().communeCode)).toBeNull();
    // Re-sending a stored photo (a retry) is answered as before.
    expect((await putBlob(server.app, phone, a.sha256, a.bytes)).status).toBe(200);
    // The uploader is recorded; another phone uploading the same bytes later does not become it.
    const [row] = await server.db.rows('SELECT device_id FROM blobs WHERE sha256 = ?', a.sha256);
    expect(row?.device_id).toBe(phone.deviceId);
  });

  it('purges blobs no dossier referenced within the grace period, and keeps referenced and recent ones', async () => {
    const phone = await server.device();
    const commune = makeSubmission().communeCode;
    const [kept, orphan, recent] = [makeBlob(11), makeBlob(12), makeBlob(13)];
    for (const blob of [kept, orphan]) await server.stores.sync.putBlob(blob.sha256, blob.type, blob.bytes, commune, NOW, phone.deviceId);
    // A stored dossier references `kept`.
    const item = { ...makeSubmission(), attachments: [{ path: 'proof', ref: refOf(kept) }], consent: makeSubmission().consent! };
    const [stored] = await server.stores.sync.pushBatch({ deviceId: phone.deviceId, kind: 'resident' }, [item], NOW + 10);
    expect(stored?.outcome).toBe('stored');
    await server.stores.sync.putBlob(recent.sha256, recent.type, recent.bytes, commune, NOW + UNREFERENCED_GRACE_MS, phone.deviceId);

    // Not yet past the grace period: nothing goes.
    expect(await purgeUnreferencedBlobs(server.stores.sync, NOW + UNREFERENCED_GRACE_MS)).toBe(0);
    expect(await purgeUnreferencedBlobs(server.stores.sync, NOW + UNREFERENCED_GRACE_MS + 1)).toBe(1);
    const left = (await server.db.rows('SELECT sha256 FROM blobs')).map((row) => row.sha256).sort();
    expect(left).toEqual([kept.sha256, recent.sha256].sort());
    // The purge is idempotent, and the dossier's photo is still readable.
    expect(await purgeUnreferencedBlobs(server.stores.sync, NOW + UNREFERENCED_GRACE_MS + 2)).toBe(0);
    expect(await server.stores.sync.getBlob(kept.sha256, commune)).not.toBeNull();
    // A dossier whose photo was purged is answered missing-blobs: the phone uploads it again.
    const late = { ...makeSubmission(), attachments: [{ path: 'proof', ref: refOf(orphan) }], consent: makeSubmission().consent! };
    const [answer] = await server.stores.sync.pushBatch(
      { deviceId: phone.deviceId, kind: 'resident' },
      [late],
      NOW + UNREFERENCED_GRACE_MS + 3,
    );
    expect(answer).toEqual({ id: late.id, outcome: 'missing-blobs', missing: [orphan.sha256] });
  });

  it('runs the purge on a schedule and logs a count, never a hash', async () => {
    const commune = makeSubmission().communeCode;
    const orphan = makeBlob(21);
    await server.stores.sync.putBlob(orphan.sha256, orphan.type, orphan.bytes, commune, NOW, 'dev-x');
    const lines: string[] = [];
    const log = { log: (line: string) => lines.push(line), error: (line: string) => lines.push(`ERROR ${line}`) };
    const schedule = schedulePurge(server.stores.sync, () => NOW + UNREFERENCED_GRACE_MS + 1, log, 60_000);
    await expect.poll(() => lines.length).toBe(1);
    schedule.stop();
    expect(lines[0]).toMatch(/^Deleted 1 uploaded file/);
    expect(lines.join('\n')).not.toContain(orphan.sha256);
    expect(await server.db.rows('SELECT sha256 FROM blobs')).toEqual([]);
  });
});
