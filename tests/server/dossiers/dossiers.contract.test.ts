/**
 * The DossierRepository contract and the lifecycle route on every adapter: dossiers found by id
 * or code; every (role, status, action) answered as the one-stop shop's rules say, checked
 * against the domain table AND a table written out here by hand; who, when, from, to and the
 * note stored with each change; nothing changed by a refused one.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LIFECYCLE, decideTransition, type DossierAction } from '../../../src/domain/dossier-lifecycle';
import { DOSSIER_STATUSES, type DossierStatus } from '../../../src/domain/protocol';
import { ROLES, type Role } from '../../../src/domain/roles';
import type { ActionResponse, DossierDetail } from '../../../src/server/dossiers/dossier-routes';
import { createApp } from '../../../src/server/http/app';
import { COMMUNE_CODE, NOW, SENDER, TEST_SCRYPT, act, makeAccepted, makeStaff, pullPage, pushOneStored } from '../fixtures';
import { STORE_BACKENDS, skipWhenUnavailable, useTestServer, type TestDatabase } from '../stores';

/** Fixture submissions are already valid and normalised, so they stand for accepted ones. */
const accepted = makeAccepted;

/** Written here, apart from src/domain: from which statuses each staff action may go, and where to. */
const BY_HAND: Record<Exclude<DossierAction, 'answer-supplement'>, { from: DossierStatus[]; to: DossierStatus }> = {
  receive: { from: ['submitted'], to: 'received' },
  'request-supplement': { from: ['submitted', 'received'], to: 'supplement-requested' },
  refuse: { from: ['submitted', 'received'], to: 'refused' },
  'start-processing': { from: ['received'], to: 'processing' },
  'record-result': { from: ['processing'], to: 'result-ready' },
  'return-result': { from: ['result-ready'], to: 'returned' },
};
/** What each action records beyond its note (the printed forms read it back). */
const DETAIL_KIND: Partial<Record<keyof typeof BY_HAND, string>> = {
  receive: 'receive',
  'record-result': 'result',
  'return-result': 'return',
};
const MAY_PROCESS: Record<Role, boolean> = { admin: true, officer: true, leader: false, outreach: false };
const NOTE = 'Bổ sung bản sao sổ hộ khẩu';

function expectedAnswer(role: Role, status: DossierStatus, action: keyof typeof BY_HAND): number {
  if (!MAY_PROCESS[role]) return 403;
  return BY_HAND[action].from.includes(status) ? 200 : 409;
}

describe.each(STORE_BACKENDS)('the $kind dossier repository', (backend) => {
  let db: TestDatabase;
  skipWhenUnavailable(backend);
  beforeEach(async () => {
    db = await backend.createDatabase();
  });
  afterEach(async () => {
    await db?.cleanup();
  });

  it('finds a dossier by its code as well as by its id, and no dossier of another commune for an action', async () => {
    const store = await db.open();
    const item = accepted();
    const [stored] = await store.sync.pushBatch(SENDER, [item], NOW);
    const code = (stored as { dossierCode: string }).dossierCode;
    expect((await store.dossiers.getDossier(code))?.id).toBe(item.id);
    expect(await store.dossiers.getDossier('15865-250714-ZZZZZZ')).toBeNull();
    const request = { action: 'receive', actor: { kind: 'staff', role: 'officer' } } as const;
    expect(await store.dossiers.applyTransition({ ...request, ref: '15865-250714-ZZZZZZ', communeCode: COMMUNE_CODE }, NOW)).toEqual({
      ok: false,
      reason: 'not-found',
    });
    expect(await store.dossiers.applyTransition({ ...request, ref: item.id, communeCode: '00004' }, NOW)).toEqual({
      ok: false,
      reason: 'not-found',
    });
    expect(await store.dossiers.history(item.id)).toEqual([{ seq: expect.any(Number), status: 'submitted', changedAt: NOW }]);
  });

  it('lets only one of two officers acting at once move a dossier from the same status', async () => {
    const stores = await Promise.all([db.open(), db.open(), db.open()]);
    const item = accepted();
    await stores[0]!.sync.pushBatch(SENDER, [item], NOW);
    const request = {
      ref: item.id,
      communeCode: COMMUNE_CODE,
      action: 'receive',
      actor: { kind: 'staff', role: 'officer' },
    } as const;
    const results = await Promise.all(stores.map((store) => store.dossiers.applyTransition(request, NOW)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([
      { ok: false, reason: 'invalid-transition' },
      { ok: false, reason: 'invalid-transition' },
    ]);
    expect(await db.rows('SELECT status FROM status_changes ORDER BY seq')).toEqual([{ status: 'submitted' }, { status: 'received' }]);
  });
});

describe.each(STORE_BACKENDS)('the lifecycle route with $kind', (backend) => {
  const server = useTestServer(backend);

  it('agrees with the hand-written table: the domain table says the same for every role, status and action', () => {
    for (const role of ROLES) {
      for (const status of DOSSIER_STATUSES) {
        for (const action of Object.keys(BY_HAND) as (keyof typeof BY_HAND)[]) {
          const decision = decideTransition(status, action, { kind: 'staff', role });
          const expected = expectedAnswer(role, status, action);
          expect(decision.ok ? 200 : decision.reason === 'forbidden' ? 403 : 409, `${role} ${action} from ${status}`).toBe(expected);
        }
      }
    }
    expect(
      LIFECYCLE.filter((t) => t.by.kind === 'staff')
        .map((t) => t.action)
        .sort(),
    ).toEqual(Object.keys(BY_HAND).sort());
  });

  it.each(ROLES)('answers a %s for every status × action as the table says, storing who/when/from/to only when allowed', async (role) => {
    const staff = await makeStaff(server, role);
    const { id, dossierCode } = await pushOneStored(server.app, await server.device());
    let now = NOW;
    for (const transition of LIFECYCLE.filter((t) => t.by.kind === 'staff')) {
      const action = transition.action as keyof typeof BY_HAND;
      for (const status of DOSSIER_STATUSES) {
        await server.db.execute('UPDATE dossiers SET status = ? WHERE id = ?', status, id);
        const before = await server.db.rows('SELECT seq FROM status_changes');
        now += 1000;
        server.setNow(now);
        const res = await act(server.app, staff, dossierCode, action, transition.noteRequired ? NOTE : undefined);
        const expected = expectedAnswer(role, status, action);
        const label = `${role} ${action} from ${status}`;
        expect(res.status, label).toBe(expected);
        const [row] = await server.db.rows('SELECT status FROM dossiers WHERE id = ?', id);
        if (expected === 200) {
          const body = (await res.json()) as ActionResponse;
          expect(body, label).toEqual({
            from: status,
            change: {
              id,
              dossierCode,
              status: BY_HAND[action].to,
              changedAt: now,
              seq: expect.any(Number),
              ...(transition.noteRequired ? { note: NOTE } : {}),
            },
            ...(DETAIL_KIND[action] ? { details: expect.objectContaining({ kind: DETAIL_KIND[action] }) } : {}),
          });
          expect(row?.status, label).toBe(BY_HAND[action].to);
          const [change] = await server.db.rows(
            'SELECT status, from_status, action, staff_id, note, changed_at FROM status_changes WHERE seq = ?',
            body.change.seq,
          );
          expect(change, label).toEqual({
            status: BY_HAND[action].to,
            from_status: status,
            action,
            staff_id: staff.id,
            note: transition.noteRequired ? NOTE : null,
            changed_at: now,
          });
        } else {
          expect(await res.json(), label).toMatchObject({ error: expected === 403 ? 'forbidden' : 'invalid-transition' });
          expect(row?.status, label).toBe(status);
          expect(await server.db.rows('SELECT seq FROM status_changes'), label).toEqual(before);
        }
      }
    }
    const audited = await server.db.rows("SELECT actor_id, target_id, detail FROM audit_log WHERE action = 'dossier.status-changed'");
    const allowed = DOSSIER_STATUSES.flatMap((s) =>
      Object.keys(BY_HAND).filter((a) => expectedAnswer(role, s, a as keyof typeof BY_HAND) === 200),
    );
    expect(audited).toHaveLength(allowed.length);
    for (const entry of audited) expect(entry).toMatchObject({ actor_id: staff.id, target_id: id });
  });

  it('lets the phone pull the change, with its note in NFC, and follows a dossier through to returned', async () => {
    const phone = await server.device();
    const officer = await server.officer();
    const { id, dossierCode } = await pushOneStored(server.app, phone);
    const { cursor } = await pullPage(server.app, 0, phone);
    for (const action of ['receive', 'start-processing', 'record-result', 'return-result'] as const) {
      expect((await act(server.app, officer, id, action)).status).toBe(200);
    }
    const page = await pullPage(server.app, cursor, phone);
    expect(page.changes.map((c) => [c.id, c.dossierCode, c.status])).toEqual([
      [id, dossierCode, 'received'],
      [id, dossierCode, 'processing'],
      [id, dossierCode, 'result-ready'],
      [id, dossierCode, 'returned'],
    ]);
    // Returned is the end: nothing moves it again.
    expect((await act(server.app, officer, id, 'refuse', 'x')).status).toBe(409);
  });

  it('wants a note for a supplement request or a refusal, and refuses hostile notes, changing nothing', async () => {
    const officer = await server.officer();
    const { id } = await pushOneStored(server.app, await server.device());
    for (const [action, note] of [
      ['request-supplement', undefined],
      ['refuse', '   '],
      ['request-supplement', 'Thiếu giấy tờ\u0000'],
      ['request-supplement', 'bell\u0007'],
      ['request-supplement', 'Xem \u202eabc'],
      ['request-supplement', 'x'.repeat(2001)],
    ] as const) {
      const res = await act(server.app, officer, id, action, note);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: 'bad-request' });
    }
    for (const body of [{ action: 'set-status' }, { action: 'answer-supplement' }, {}, { action: 'refuse', note: 5 }]) {
      const res = await server.app.request(`/api/v1/dossiers/${id}/actions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...officer.headers },
        body: JSON.stringify(body),
      });
      expect(res.status).toBe(400);
    }
    expect(await server.db.rows('SELECT status FROM dossiers')).toEqual([{ status: 'submitted' }]);
    const multiline = await act(server.app, officer, id, 'request-supplement', '1. Bản sao CCCD\r\n2.\tGiấy xác nhận'.normalize('NFD'));
    expect(multiline.status).toBe(200);
    expect(((await multiline.json()) as ActionResponse).change.note).toBe('1. Bản sao CCCD\n2.\tGiấy xác nhận'.normalize('NFC'));
  });

  it('answers 404 for an unknown dossier or one of another commune', async () => {
    const officer = await server.officer();
    expect((await act(server.app, officer, '15865-250714-ZZZZZZ', 'start-processing')).status).toBe(404);
    const elsewhere = createApp({ stores: server.stores, communeCode: '00004', now: () => NOW, passwordParams: TEST_SCRYPT });
    const { id } = await pushOneStored(server.app, await server.device());
    const theirOfficer = await makeStaff({ app: elsewhere, stores: server.stores }, 'officer', { communeCode: '00004' });
    // An account of commune 00004 is unknown to this commune's sessions; and the dossier is not theirs.
    expect((await act(server.app, theirOfficer, id, 'start-processing')).status).toBe(401);
    expect((await act(elsewhere, theirOfficer, id, 'start-processing')).status).toBe(404);
    expect((await server.app.request(`/api/v1/dossiers/${id}`, { headers: theirOfficer.headers })).status).toBe(401);
  });

  it('shows an officer the answers, the history with who did what, and what may come next; audited; refused to a leader', async () => {
    const officer = await server.officer();
    const { id, dossierCode } = await pushOneStored(server.app, await server.device());
    server.setNow(NOW + 60_000);
    await act(server.app, officer, dossierCode, 'request-supplement', NOTE);
    const res = await server.app.request(`/api/v1/dossiers/${dossierCode}`, { headers: officer.headers });
    expect(res.status).toBe(200);
    const detail = (await res.json()) as DossierDetail;
    expect(detail.dossier).toMatchObject({
      id,
      dossierCode,
      formId: 'tam-tru-ct01',
      status: 'supplement-requested',
      deviceKind: 'resident',
    });
    expect(detail.dossier.answers.fullName).toBe('Nguyễn Thị Hoa');
    expect(detail.history).toEqual([
      { seq: expect.any(Number), status: 'submitted', changedAt: NOW },
      {
        seq: expect.any(Number),
        status: 'supplement-requested',
        from: 'submitted',
        action: 'request-supplement',
        note: NOTE,
        changedAt: NOW + 60_000,
        by: { username: officer.username, displayName: 'Cán bộ officer' },
      },
    ]);
    expect(detail.actions).toEqual([]);
    expect(await server.db.rows("SELECT actor_id, target_id FROM audit_log WHERE action = 'dossier.viewed'")).toEqual([
      { actor_id: officer.id, target_id: id },
    ]);
    // The audit log never holds the answers.
    expect(JSON.stringify(await server.db.rows('SELECT * FROM audit_log'))).not.toContain('Nguyễn');

    const leader = await makeStaff(server, 'leader');
    const refused = await server.app.request(`/api/v1/dossiers/${id}`, { headers: leader.headers });
    expect(refused.status).toBe(403);
    expect((await server.app.request(`/api/v1/dossiers/${id}`)).status).toBe(401);
  });
});
