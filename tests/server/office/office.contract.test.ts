/**
 * The one-stop shop's routes on every adapter (SQLite and PostgreSQL): the inbox pages, filters,
 * counts and finds a name typed without diacritics; Tiếp nhận stores the appointment the server
 * computed (3 working days for tạm trú, one day sooner when the commune receives on Saturday
 * morning); the register is a BOM-prefixed `;` CSV whose export is audited without contents;
 * settings are refused when wrong (nothing stored) and audited when changed; a leader reads but
 * never changes a dossier.
 */
import { describe, expect, it } from 'vitest';
import type { InboxPage } from '../../../src/domain/office';
import { NOW, NO_RESIDENT_QUOTA, makeStaff, makeSubmission, postJson, push, pushRequest, type TestStaff } from '../fixtures';
import { STORE_BACKENDS, skipWhenUnavailable, useTestServer } from '../stores';

const HOUR = 3600_000;
/** Times in Vietnam (UTC+7) as instants. */
const vn = (y: number, m: number, d: number, h: number, min = 0) => Date.UTC(y, m - 1, d, h - 7, min);

describe.each(STORE_BACKENDS)('the $kind one-stop shop routes', (backend) => {
  skipWhenUnavailable(backend);
  const server = useTestServer(backend, { residentQuota: NO_RESIDENT_QUOTA });

  async function get(staff: TestStaff, path: string): Promise<Response> {
    return server.app.request(path, { headers: staff.headers });
  }

  async function pushNamed(name: string): Promise<string> {
    const item = makeSubmission({}, { fullName: name });
    const res = await push(server.app, await server.device(), pushRequest([item]));
    const [result] = ((await res.json()) as { results: { outcome: string; dossierCode: string }[] }).results;
    expect(result?.outcome).toBe('stored');
    return result!.dossierCode;
  }

  async function settings(staff: TestStaff, saturdayMorningReception: boolean): Promise<Response> {
    return Promise.resolve(
      server.app.request('/api/v1/settings', {
        method: 'PUT',
        headers: { ...staff.headers, 'content-type': 'application/json' },
        body: JSON.stringify({ officeName: 'UBND xã Hoằng Hóa', address: 'xã Hoằng Hóa', saturdayMorningReception, collection: null }),
      }),
    );
  }

  it('lists pushed dossiers as submitted, pages them, counts per status and finds a name without diacritics', async () => {
    const officer = await server.officer();
    const codes: string[] = [];
    for (const name of ['Trần Thị Bích', 'Phạm Văn Dũng', 'Lê Thị Đào']) codes.push(await pushNamed(name));
    expect(await server.db.rows('SELECT DISTINCT status FROM dossiers')).toEqual([{ status: 'submitted' }]);

    const all = (await (await get(officer, '/api/v1/inbox?pageSize=2')).json()) as InboxPage;
    expect(all.total).toBe(3);
    expect(all.items).toHaveLength(2);
    expect(all.counts.submitted).toBe(3);
    const second = (await (await get(officer, '/api/v1/inbox?pageSize=2&page=2')).json()) as InboxPage;
    expect(second.items).toHaveLength(1);
    expect(new Set([...all.items, ...second.items].map((i) => i.dossierCode))).toEqual(new Set(codes));

    const found = (await (await get(officer, '/api/v1/inbox?q=tran%20thi%20bich')).json()) as InboxPage;
    expect(found.items.map((i) => [i.dossierCode, i.applicant])).toEqual([[codes[0], 'Trần Thị Bích']]);
    const byD = (await (await get(officer, `/api/v1/inbox?q=${encodeURIComponent('dao')}`)).json()) as InboxPage;
    expect(byD.items.map((i) => i.dossierCode)).toEqual([codes[2]]);
    // A user's % is a character, not a wildcard.
    expect(((await (await get(officer, '/api/v1/inbox?q=%25')).json()) as InboxPage).total).toBe(0);

    const received = await postJson(server.app, `/api/v1/dossiers/${codes[1]}/actions`, { action: 'receive' }, officer.headers);
    expect(received.status).toBe(200);
    const waiting = (await (await get(officer, '/api/v1/inbox?status=submitted')).json()) as InboxPage;
    expect(waiting.total).toBe(2);
    expect(waiting.counts).toMatchObject({ submitted: 2, received: 1 });
    expect(((await (await get(officer, '/api/v1/inbox?formId=khai-sinh')).json()) as InboxPage).total).toBe(0);

    const bad = await get(officer, '/api/v1/inbox?status=lost&pageSize=1000');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: 'bad-request', fields: { status: expect.any(String), pageSize: expect.any(String) } });
  });

  it('computes the appointment on the server: 3 working days for tạm trú, a day sooner with Saturday-morning reception', async () => {
    const officer = await server.officer();
    const monday = await pushNamed('Trần Thị Bích');
    server.setNow(vn(2025, 7, 14, 10)); // Monday 10:00
    const res = await postJson(
      server.app,
      `/api/v1/dossiers/${monday}/actions`,
      { action: 'receive', sets: 2, returnMethod: 'post', documents: [{ id: 'ct01', name: 'Tờ khai CT01', form: 'original', count: 1 }] },
      officer.headers,
    );
    expect(res.status).toBe(200);
    // Received Monday (not counted): Tue, Wed, Thu; due at the end of office hours.
    const [row] = await server.db.rows('SELECT due_at FROM dossiers WHERE dossier_code = ?', monday);
    expect(Number(row!.due_at)).toBe(vn(2025, 7, 17, 17));

    // Saturday 09:00, without Saturday reception: counted from Monday 21/07, due Thursday 24/07.
    const closed = await pushNamed('Phạm Văn Dũng');
    server.setNow(vn(2025, 7, 19, 9));
    // Five days on, the Monday sessions have lapsed: staff sign in again.
    const saturdayOfficer = await makeStaff(server, 'officer');
    const admin = await makeStaff(server, 'admin');
    expect((await postJson(server.app, `/api/v1/dossiers/${closed}/actions`, { action: 'receive' }, saturdayOfficer.headers)).status).toBe(
      200,
    );
    // With it: received that Saturday, due Wednesday 23/07.
    expect((await settings(admin, true)).status).toBe(200);
    const open = await pushNamed('Lê Thị Đào');
    expect((await postJson(server.app, `/api/v1/dossiers/${open}/actions`, { action: 'receive' }, saturdayOfficer.headers)).status).toBe(
      200,
    );
    const dues = await server.db.rows('SELECT dossier_code, due_at FROM dossiers');
    const dueOf = (code: string) => Number(dues.find((d) => d.dossier_code === code)!.due_at);
    expect(dueOf(closed)).toBe(vn(2025, 7, 24, 17));
    expect(dueOf(open)).toBe(vn(2025, 7, 23, 17));

    // A wrong field is a 400 naming it, and the dossier stays where it was.
    const other = await pushNamed('Đỗ Văn Em');
    const wrong = await postJson(server.app, `/api/v1/dossiers/${other}/actions`, { action: 'receive', sets: 0 }, saturdayOfficer.headers);
    expect(wrong.status).toBe(400);
    expect(await server.db.rows('SELECT status FROM dossiers WHERE dossier_code = ?', other)).toEqual([{ status: 'submitted' }]);
  });

  it('exports the register as a BOM-prefixed ; CSV, audited with a count and no contents', async () => {
    const officer = await server.officer();
    const code = await pushNamed('Trần Thị Bích');
    const res = await get(officer, `/api/v1/register.csv?from=${NOW - 48 * HOUR}&to=${NOW + 48 * HOUR}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const [header, ...lines] = text.trim().split(/\r?\n/);
    expect(header!.split(';').length).toBeGreaterThan(3);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(code);
    expect(lines[0]).toContain('Trần Thị Bích'.normalize('NFC'));
    const audited = await server.db.rows("SELECT detail FROM audit_log WHERE action = 'dossier.exported'");
    expect(audited).toHaveLength(1);
    expect(JSON.parse(String(audited[0]!.detail))).toEqual({ count: 1 });
    expect(String(audited[0]!.detail)).not.toContain('Bích');

    expect((await get(officer, `/api/v1/register.csv?from=${NOW}&to=${NOW - 1}`)).status).toBe(400);
  });

  it('refuses wrong settings with the fields named and stores nothing; audits a change; a leader reads the settings only', async () => {
    const admin = await makeStaff(server, 'admin');
    const leader = await makeStaff(server, 'leader');
    const before = (await (await get(admin, '/api/v1/settings')).json()) as Record<string, unknown>;
    const wrong = await Promise.resolve(
      server.app.request('/api/v1/settings', {
        method: 'PUT',
        headers: { ...admin.headers, 'content-type': 'application/json' },
        body: JSON.stringify({
          officeName: '',
          address: 'x',
          saturdayMorningReception: 'yes',
          collection: { bin: '12', account: '', accountName: '' },
        }),
      }),
    );
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ error: 'bad-request', fields: expect.any(Object) });
    expect(await (await get(admin, '/api/v1/settings')).json()).toEqual(before);

    expect((await settings(leader, true)).status).toBe(403);
    expect((await settings(admin, true)).status).toBe(200);
    expect(await (await get(leader, '/api/v1/settings')).json()).toMatchObject({ saturdayMorningReception: true });
    expect(await server.db.rows("SELECT action FROM audit_log WHERE action = 'settings.changed'")).toEqual([
      { action: 'settings.changed' },
    ]);

    const code = await pushNamed('Trần Thị Bích');
    // A leader reads reports only (domain/roles.ts): not the inbox, not an action.
    expect((await get(leader, '/api/v1/inbox')).status).toBe(403);
    expect((await postJson(server.app, `/api/v1/dossiers/${code}/actions`, { action: 'receive' }, leader.headers)).status).toBe(403);
    expect((await get(admin, '/api/v1/inbox')).status).toBe(200);
    expect((await server.app.request('/api/v1/inbox')).status).toBe(401);
  });
});
