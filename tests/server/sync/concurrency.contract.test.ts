/**
 * Several writers at once, on every adapter: the same dossiers pushed through 8 app instances
 * (each with its own connections) are stored once with one code, and a phone paging through
 * status changes while others write never skips or repeats one.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PushResponse, PushResult, StatusChange, Submission } from '../../../src/domain/protocol';
import { createApp } from '../../../src/server/http/app';
import type { AcceptedSubmission } from '../../../src/server/sync/sync-repository';
import {
  COMMUNE_CODE,
  NO_RESIDENT_QUOTA,
  DEVICE_ID,
  NOW,
  SENDER,
  advance,
  makeAccepted,
  makeSubmission,
  push,
  pushRequest,
  registerDevice,
} from '../fixtures';
import { STORE_BACKENDS, skipWhenUnavailable, type TestDatabase } from '../stores';

const WRITERS = 8;

/** A different order for each writer, so batches meet the same ids in different orders. */
function orderFor<T>(items: readonly T[], writer: number): T[] {
  const rotated = [...items.slice(writer % items.length), ...items.slice(0, writer % items.length)];
  return writer % 2 === 1 ? rotated.reverse() : rotated;
}

describe.each(STORE_BACKENDS)('concurrent writers on $kind', (backend) => {
  let db: TestDatabase;
  skipWhenUnavailable(backend);
  beforeEach(async () => {
    db = await backend.createDatabase();
  });
  afterEach(async () => {
    await db?.cleanup();
  });

  it(`${WRITERS} app instances pushing the same 20 dossiers at once store each once, with one code`, { timeout: 60_000 }, async () => {
    const stores = await Promise.all(Array.from({ length: WRITERS }, () => db.open({ poolSize: 2 })));
    const apps = stores.map((store) =>
      createApp({ stores: store, communeCode: COMMUNE_CODE, now: () => NOW, residentQuota: NO_RESIDENT_QUOTA }),
    );
    // One phone, registered through one process, known to all of them (one database).
    const phone = await registerDevice(apps[0]!);
    const all: Submission[] = [];
    for (let round = 0; round < 3; round++) {
      const items = Array.from({ length: 20 }, () => makeSubmission());
      all.push(...items);
      const responses = await Promise.all(apps.map((app, k) => push(app, phone, pushRequest(orderFor(items, k)))));
      expect(responses.map((res) => res.status)).toEqual(apps.map(() => 200));
      const answers = await Promise.all(responses.map(async (res) => ((await res.json()) as PushResponse).results));
      for (const item of items) {
        const forItem = answers.map((results) => results.find((r) => r.id === item.id)) as (PushResult & {
          dossierCode: string;
          receivedAt: number;
        })[];
        expect(forItem.filter((r) => r.outcome === 'stored')).toHaveLength(1);
        expect(forItem.filter((r) => r.outcome === 'duplicate')).toHaveLength(WRITERS - 1);
        expect(new Set(forItem.map((r) => r.dossierCode)).size).toBe(1);
        expect(new Set(forItem.map((r) => r.receivedAt))).toEqual(new Set([NOW]));
      }
    }
    const ids = await db.rows('SELECT id FROM dossiers ORDER BY id');
    expect(ids.map((row) => row.id)).toEqual(all.map((item) => item.id).sort());
    expect(await db.rows('SELECT dossier_id FROM status_changes')).toHaveLength(all.length);
  });

  it('a phone paging through changes while 8 connections write sees each change once, seq increasing', { timeout: 60_000 }, async () => {
    const writers = await Promise.all(Array.from({ length: WRITERS }, () => db.open({ poolSize: 2 })));
    const reader = await db.open({ poolSize: 1 });
    const seen: StatusChange[] = [];
    let cursor = 0;
    const pullToEnd = async (): Promise<void> => {
      for (;;) {
        const page = await reader.sync.pullChanges(DEVICE_ID, cursor, 7);
        seen.push(...page.changes);
        cursor = page.cursor;
        if (page.changes.length < 7) return;
      }
    };
    let writing = true;
    const puller = (async () => {
      while (writing) {
        await pullToEnd();
        await nextTurn();
      }
    })();
    await Promise.all(
      writers.map(async (store) => {
        for (let batch = 0; batch < 6; batch++) {
          const items: AcceptedSubmission[] = Array.from({ length: 5 }, () => makeAccepted());
          const results = await store.sync.pushBatch(SENDER, items, NOW);
          await Promise.all(results.map((r) => advance(store, r.id, 'receive', NOW + 1)));
        }
      }),
    );
    writing = false;
    await puller;
    await pullToEnd();

    const everything = await db.rows('SELECT seq FROM status_changes ORDER BY seq');
    expect(everything).toHaveLength(WRITERS * 6 * 5 * 2);
    // Exactly the stored changes, each once, in the order of their seq.
    expect(seen.map((c) => c.seq)).toEqual(everything.map((row) => Number(row.seq)));
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.seq).toBeGreaterThan(seen[i - 1]!.seq);
  });
});
