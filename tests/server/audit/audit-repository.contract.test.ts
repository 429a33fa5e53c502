/** The append-only audit log on every adapter: entries come back as written, newest first, and the database refuses to change them. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMMUNE_CODE, NOW } from '../fixtures';
import { STORE_BACKENDS, skipWhenUnavailable, type TestDatabase } from '../stores';

describe.each(STORE_BACKENDS)('the $kind audit log', (backend) => {
  let db: TestDatabase;
  skipWhenUnavailable(backend);
  beforeEach(async () => {
    db = await backend.createDatabase();
  });
  afterEach(async () => {
    await db?.cleanup();
  });

  it('appends entries and lists them newest first, per commune, in pages', async () => {
    const store = await db.open();
    const staff = crypto.randomUUID();
    await store.audit.append({
      communeCode: COMMUNE_CODE,
      at: NOW,
      actor: { kind: 'anonymous' },
      action: 'login.failed',
      detail: { reason: 'unknown-user' },
    });
    await store.audit.append({
      communeCode: COMMUNE_CODE,
      at: NOW + 1,
      actor: { kind: 'staff', id: staff },
      action: 'dossier.status-changed',
      target: { kind: 'dossier', id: 'd1' },
      detail: { from: 'received', to: 'processing', action: 'start-processing' },
    });
    await store.audit.append({ communeCode: '00004', at: NOW, actor: { kind: 'system' }, action: 'account.setup' });
    const entries = await store.audit.list(COMMUNE_CODE, { limit: 10 });
    expect(entries).toEqual([
      {
        seq: expect.any(Number),
        communeCode: COMMUNE_CODE,
        at: NOW + 1,
        actor: { kind: 'staff', id: staff },
        action: 'dossier.status-changed',
        target: { kind: 'dossier', id: 'd1' },
        detail: { from: 'received', to: 'processing', action: 'start-processing' },
      },
      {
        seq: expect.any(Number),
        communeCode: COMMUNE_CODE,
        at: NOW,
        actor: { kind: 'anonymous' },
        action: 'login.failed',
        detail: { reason: 'unknown-user' },
      },
    ]);
    expect(await store.audit.list(COMMUNE_CODE, { before: entries[0]!.seq, limit: 10 })).toEqual([entries[1]]);
    expect(await store.audit.list(COMMUNE_CODE, { limit: 1 })).toEqual([entries[0]]);
  });

  it('refuses UPDATE and DELETE in the database itself, whoever asks', async () => {
    const store = await db.open();
    await store.audit.append({ communeCode: COMMUNE_CODE, at: NOW, actor: { kind: 'system' }, action: 'account.setup' });
    await expect(db.execute("UPDATE audit_log SET action = 'login.ok'")).rejects.toThrow(/append-only/);
    await expect(db.execute('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    if (backend.kind === 'postgres') await expect(db.execute('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    expect(await db.rows('SELECT action FROM audit_log')).toEqual([{ action: 'account.setup' }]);
  });
});
