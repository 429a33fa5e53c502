/**
 * The outreach campaign on every store: villages and groups kept by the admin; visits pushed by
 * an enrolled outreach phone, idempotent per (id, version), an edit a new version that becomes
 * the one counted; the OTP refusal; report figures on a hand-made data set whose totals are known
 * (JSON and CSV); and who may do what (leader reads, cannot edit; officer cannot read; outreach
 * sees only its own village's progress; a resident phone logs no visits).
 */
import { describe, expect, it } from 'vitest';
import type { CampaignReport } from '../../../src/domain/campaign-report';
import { SYNC_PROTOCOL_VERSION, PROTOCOL_HEADER } from '../../../src/domain/protocol';
import type { Visit } from '../../../src/domain/visit';
import type { VisitPushResponse } from '../../../src/domain/visit-protocol';
import type { ProgressResponse } from '../../../src/server/campaign/campaign-routes';
import type { ServerApp } from '../../../src/server/http/app';
import { makeVisit } from '../../fixtures/visits';
import { NOW, enrolPhone, makeStaff, makeSubmission, push, pushRequest, type TestDevice, type TestStaff } from '../fixtures';
import { STORE_BACKENDS, useTestServer } from '../stores';

function put(app: ServerApp, path: string, body: unknown, headers: Record<string, string>): Promise<Response> {
  return Promise.resolve(
    app.request(path, { method: 'PUT', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) }),
  );
}

function pushVisits(app: ServerApp, device: TestDevice, items: unknown[]): Promise<Response> {
  return Promise.resolve(
    app.request('/api/v1/sync/visits', {
      method: 'POST',
      headers: { 'content-type': 'application/json', [PROTOCOL_HEADER]: String(SYNC_PROTOCOL_VERSION), ...device.headers },
      body: JSON.stringify({ protocol: SYNC_PROTOCOL_VERSION, items }),
    }),
  );
}

async function results(res: Response): Promise<VisitPushResponse['results']> {
  expect(res.status).toBe(200);
  return ((await res.json()) as VisitPushResponse).results;
}

describe.each(STORE_BACKENDS)('the campaign on $kind', (backend) => {
  const server = useTestServer(backend);

  async function setUp(): Promise<{ admin: TestStaff; phone: TestDevice; otherPhone: TestDevice }> {
    const admin = await makeStaff(server, 'admin');
    expect(
      (await put(server.app, '/api/v1/villages/thon-3', { name: 'Thôn Bản Lướt', households: 40, targetHouseholds: 20 }, admin.headers))
        .status,
    ).toBe(201);
    expect((await put(server.app, '/api/v1/villages/thon-5', { name: 'Thôn Nà Hin', households: 10 }, admin.headers)).status).toBe(201);
    const nam = await makeStaff(server, 'outreach', { username: 'nam', villageId: 'thon-3' });
    const lan = await makeStaff(server, 'outreach', { username: 'lan', villageId: 'thon-5' });
    return { admin, phone: await enrolPhone(server.app, admin, nam), otherPhone: await enrolPhone(server.app, admin, lan) };
  }

  it('keeps villages with an ETag, refuses bad ones with a reason, and keeps groups with their members', async () => {
    const { admin } = await setUp();
    const res = await server.app.request('/api/v1/villages');
    expect(res.status).toBe(200);
    const etag = res.headers.get('etag')!;
    expect(((await res.json()) as { villages: { id: string; name: string }[] }).villages.map((v) => v.name)).toEqual([
      'Thôn Bản Lướt',
      'Thôn Nà Hin',
    ]);
    expect((await server.app.request('/api/v1/villages', { headers: { 'if-none-match': etag } })).status).toBe(304);

    for (const [body, reason] of [
      [{ name: '   ', households: 5 }, 'bad-name'],
      [{ name: 'Thôn\u202e 7', households: 5 }, 'bad-name'],
      [{ name: 'Thôn 7', households: -1 }, 'bad-households'],
      [{ name: 'Thôn 7', households: 5, targetHouseholds: 6 }, 'bad-target'],
    ] as const) {
      const refused = await put(server.app, '/api/v1/villages/thon-7', body, admin.headers);
      expect(refused.status).toBe(400);
      expect(await refused.json()).toMatchObject({ error: 'campaign-invalid', reason });
    }
    expect((await put(server.app, '/api/v1/villages/Thon 7', { name: 'Thôn 7', households: 5 }, admin.headers)).status).toBe(400);
    expect(await server.stores.campaign.getVillage('15865', 'thon-7')).toBeNull();
    // A change gives a new ETag.
    expect((await put(server.app, '/api/v1/villages/thon-5', { name: 'Thôn Nà Hin', households: 12 }, admin.headers)).status).toBe(200);
    expect((await server.app.request('/api/v1/villages', { headers: { 'if-none-match': etag } })).status).toBe(200);

    const staff = await server.db.rows("SELECT id FROM staff WHERE username = 'nam'");
    const id = staff[0]!.id as string;
    const group = { name: 'Tổ công tác thôn Bản Lướt', villageId: 'thon-3', leaderId: id, memberIds: [id] };
    expect((await put(server.app, '/api/v1/groups/to-3', group, admin.headers)).status).toBe(201);
    expect(await (await put(server.app, '/api/v1/groups/to-9', { ...group, villageId: 'thon-9' }, admin.headers)).json()).toMatchObject({
      reason: 'unknown-village',
    });
    expect(
      await (await put(server.app, '/api/v1/groups/to-9', { ...group, memberIds: ['nobody'], leaderId: 'nobody' }, admin.headers)).json(),
    ).toMatchObject({
      reason: 'unknown-staff',
    });
    const listed = await server.app.request('/api/v1/groups', { headers: admin.headers });
    expect(await listed.json()).toEqual({ groups: [{ id: 'to-3', ...group }] });
  });

  it('stores a visit once, answers a retry duplicate and different content conflict, and keeps every version', async () => {
    const { phone } = await setUp();
    const visit = makeVisit();
    expect(await results(await pushVisits(server.app, phone, [visit]))).toEqual([{ id: visit.id, version: 1, outcome: 'stored' }]);
    // A retry from a phone whose clock was corrected is the same visit.
    expect(await results(await pushVisits(server.app, phone, [{ ...visit, recordedAt: visit.recordedAt + 5000 }]))).toEqual([
      { id: visit.id, version: 1, outcome: 'duplicate' },
    ]);
    expect(await results(await pushVisits(server.app, phone, [{ ...visit, appInstalled: false }]))).toEqual([
      { id: visit.id, version: 1, outcome: 'conflict' },
    ]);
    const edited: Visit = { ...visit, version: 2, vneid: 'helped-level2', note: 'Đã hướng dẫn nộp hồ sơ cư trú' };
    expect(await results(await pushVisits(server.app, phone, [edited]))).toEqual([{ id: visit.id, version: 2, outcome: 'stored' }]);
    // An older version arriving late is kept, but the newest stays the one counted.
    const rows = await server.db.rows('SELECT version, latest, staff_id FROM visits ORDER BY version');
    expect(rows.map((r) => [Number(r.version), Number(r.latest)])).toEqual([
      [1, 0],
      [2, 1],
    ]);
    expect((await server.stores.campaign.visitVersions(visit.id)).map((v) => v.vneid)).toEqual(['helped-level1', 'helped-level2']);
  });

  it('refuses a visit that holds an OTP, a future date or an unknown village, one by one, storing none of them', async () => {
    const { phone } = await setUp();
    const good = makeVisit();
    const otp = makeVisit({ note: 'Mã OTP 482 913 đã nhập' });
    const future = makeVisit({ visitedOn: '2025-07-20' });
    const village = makeVisit({ villageId: 'thon-99' });
    const shape = { id: crypto.randomUUID(), version: 1, householdHead: 42 };
    const answered = await results(await pushVisits(server.app, phone, [good, otp, future, village, shape]));
    expect(answered).toEqual([
      { id: good.id, version: 1, outcome: 'stored' },
      { id: otp.id, version: 1, outcome: 'invalid', errors: [{ field: 'note', code: 'looks-like-otp' }] },
      { id: future.id, version: 1, outcome: 'invalid', errors: [{ field: 'visitedOn', code: 'date-future' }] },
      { id: village.id, version: 1, outcome: 'invalid', errors: [{ field: 'villageId', code: 'unknown-village' }] },
      { id: shape.id, version: 1, outcome: 'invalid', errors: [{ field: '', code: 'wrong-type' }] },
    ]);
    expect(await server.stores.campaign.countVisits()).toBe(1);
    // A phone number is not an OTP.
    expect((await results(await pushVisits(server.app, phone, [makeVisit({ note: 'Gọi lại số 0912 345 678' })])))[0]?.outcome).toBe(
      'stored',
    );
  });

  it('takes visits only from an enrolled staff phone, over the protocol', async () => {
    await setUp();
    const resident = await server.device();
    const res = await pushVisits(server.app, resident, [makeVisit()]);
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: 'staff-device-required' });
    const none = await server.app.request('/api/v1/sync/visits', {
      method: 'POST',
      headers: { 'content-type': 'application/json', [PROTOCOL_HEADER]: String(SYNC_PROTOCOL_VERSION) },
      body: JSON.stringify({ protocol: SYNC_PROTOCOL_VERSION, items: [makeVisit()] }),
    });
    expect(none.status).toBe(401);
    expect(await server.stores.campaign.countVisits()).toBe(0);
  });

  it('reports known totals per village and week, in JSON and CSV, to leaders and admins only', async () => {
    const { admin, phone, otherPhone } = await setUp();
    // Week of Monday 07/07/2025 and of Monday 14/07/2025, in thon-3; one visit in thon-5.
    const dossier = makeSubmission();
    await push(server.app, phone, pushRequest([dossier]));
    await pushVisits(server.app, phone, [
      makeVisit({ visitedOn: '2025-07-08', householdHead: 'Lò Văn Páo', vneid: 'helped-level1', appInstalled: true }),
      // The same household again a week later (name typed without diacritics): counted once over the range.
      makeVisit({
        visitedOn: '2025-07-14',
        householdHead: 'lo van pao',
        vneid: 'already-active',
        appInstalled: false,
        dossierIds: [dossier.id],
      }),
      makeVisit({
        visitedOn: '2025-07-14',
        householdHead: 'Vừ Thị Dua',
        addressDetail: 'Xóm Trên',
        vneid: 'police-appointment',
        appInstalled: true,
      }),
    ]);
    await pushVisits(server.app, otherPhone, [makeVisit({ villageId: 'thon-5', visitedOn: '2025-07-09', vneid: 'helped-level2' })]);

    const leader = await makeStaff(server, 'leader');
    const res = await server.app.request('/api/v1/reports/campaign?from=2025-07-07&to=2025-07-14&by=week', { headers: leader.headers });
    expect(res.status).toBe(200);
    const report = (await res.json()) as CampaignReport;
    const row = (village: string, period: string) => report.rows.find((r) => r.villageId === village && r.period === period)!;
    expect(row('thon-3', '2025-07-07')).toMatchObject({
      householdsVisited: 1,
      visits: 1,
      vneidHelped: 1,
      appInstalled: 1,
      dossiersOnline: 0,
    });
    expect(row('thon-3', '2025-07-14')).toMatchObject({
      householdsVisited: 2,
      visits: 2,
      vneidHelped: 0,
      policeAppointments: 1,
      dossiersAtVisits: 1,
      dossiersOnline: 1,
      visitedShare: 2 / 40,
      targetProgress: 2 / 20,
    });
    expect(row('thon-5', '2025-07-07')).toMatchObject({ householdsVisited: 1, vneidHelped: 1 });
    expect(row('thon-5', '2025-07-14')).toMatchObject({ householdsVisited: 0, visits: 0 });
    expect(report.total).toMatchObject({
      households: 50,
      targetHouseholds: 20,
      householdsVisited: 3,
      visits: 4,
      vneidHelped: 2,
      dossiersOnline: 1,
    });

    const csv = await server.app.request('/api/v1/reports/campaign.csv?from=2025-07-07&to=2025-07-14&by=total', { headers: admin.headers });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.slice(3));
    const lines = text.split('\r\n');
    expect(lines[0]).toContain('"Thôn, tổ dân phố","Kỳ","Số hộ"');
    expect(lines[1]).toBe('"Thôn Bản Lướt","Cả kỳ",40,20,2,5%,10%,3,1,1,2,1,1');
    expect(lines[3]).toMatch(/^"Toàn xã","Cả kỳ",50,20,3,/);
    expect((await server.db.rows("SELECT action FROM audit_log WHERE action = 'report.exported'")).length).toBe(1);

    // The printable summary: the same figures, names escaped, for leaders only.
    await put(server.app, '/api/v1/villages/thon-5', { name: 'Thôn <Nà> Hin', households: 10 }, admin.headers);
    const page = await server.app.request('/api/v1/reports/campaign.html?from=2025-07-07&to=2025-07-14', { headers: leader.headers });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Kết quả tuyên truyền dịch vụ công trực tuyến');
    expect(html).toContain('Từ 07/07/2025 đến 14/07/2025');
    expect(html).toContain('Thôn &lt;Nà&gt; Hin');
    expect(html).not.toContain('<Nà>');
    expect(html).toContain('>2/20<');

    // Leader reads but cannot edit; officer and outreach cannot read.
    expect((await put(server.app, '/api/v1/villages/thon-3', { name: 'Thôn X', households: 1 }, leader.headers)).status).toBe(403);
    const officer = await server.officer();
    expect((await server.app.request('/api/v1/reports/campaign', { headers: officer.headers })).status).toBe(403);
    expect((await server.app.request('/api/v1/reports/campaign.html', { headers: officer.headers })).status).toBe(403);
    expect((await server.app.request('/api/v1/reports/campaign.csv', { headers: officer.headers })).status).toBe(403);
    expect((await server.app.request('/api/v1/reports/campaign')).status).toBe(401);
    const bad = await server.app.request('/api/v1/reports/campaign?from=2025-07-14&to=2025-07-01', { headers: leader.headers });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ reason: 'from-after-to' });
  });

  it("gives an outreach phone its own village's progress only", async () => {
    const { phone, otherPhone } = await setUp();
    await pushVisits(server.app, phone, [
      makeVisit({ visitedOn: '2025-07-14' }),
      makeVisit({ visitedOn: '2025-07-01', householdHead: 'Giàng A Sử' }),
    ]);
    await pushVisits(server.app, otherPhone, [makeVisit({ villageId: 'thon-5' })]);
    const res = await server.app.request('/api/v1/campaign/progress', { headers: { ...phone.headers } });
    expect(res.status).toBe(200);
    const progress = (await res.json()) as ProgressResponse;
    expect(progress.villageId).toBe('thon-3');
    expect(progress.week).toMatchObject({ villageId: 'thon-3', householdsVisited: 1, targetHouseholds: 20 });
    expect(progress.month).toMatchObject({ villageId: 'thon-3', householdsVisited: 2 });
    const resident = await server.device();
    expect((await server.app.request('/api/v1/campaign/progress', { headers: resident.headers })).status).toBe(403);
    expect(NOW).toBe(Date.UTC(2025, 6, 14, 3, 0, 0));
  });
});
