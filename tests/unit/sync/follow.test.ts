/** "Theo dõi hồ sơ" on the phone: registers first when it must, stores the answer, names every problem. */
import { describe, expect, it } from 'vitest';
import { followDossier, type FollowDeps } from '../../../src/sync/follow';
import { useFreshStorage } from '../storage/fresh-storage';

const storage = useFreshStorage();
const CODE = '15865-250714-K7Q2MX';
const ID = '0b7c6f8e-1a2b-4c3d-8e9f-0a1b2c3d4e5f';
const CREDENTIAL = { deviceId: 'dev-resident-0001', secret: 'a'.repeat(43), kind: 'resident' } as const;

function fakeServer(answers: Response[]) {
  const calls: { path: string; body: string; auth: string | null }[] = [];
  const fetchFn = (async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ path: String(input), body: String(init?.body), auth: new Headers(init?.headers).get('authorization') });
    const next = answers.shift();
    if (!next) throw new TypeError('offline');
    return next;
  }) as typeof fetch;
  return { calls, fetchFn };
}

function deps(fetchFn: typeof fetch): FollowDeps {
  return { fetch: fetchFn, now: () => 9000, lock: (fn) => fn(), device: storage().settings, dossiers: storage().dossiers };
}

describe('following a dossier by code', () => {
  it('checks both fields before asking anything', async () => {
    const server = fakeServer([]);
    expect(await followDossier(deps(server.fetchFn), '15865-2507', '12')).toEqual({
      ok: false,
      problems: ['code-format', 'digits-format'],
    });
    expect(server.calls).toEqual([]);
  });

  it('registers a phone that never sent anything, then stores the status it was told', async () => {
    const server = fakeServer([
      Response.json(CREDENTIAL, { status: 201 }),
      Response.json({
        protocol: 2,
        formId: 'tam-tru-ct01',
        change: { id: ID, dossierCode: CODE, status: 'received', changedAt: 5000, seq: 7 },
      }),
    ]);
    const result = await followDossier(deps(server.fetchFn), ' 15865-250714-k7q2mx', '23 45');
    expect(result).toMatchObject({ ok: true, dossier: { id: ID, dossierCode: CODE, status: 'received', followed: true } });
    expect(server.calls.map((c) => c.path)).toEqual(['/api/v1/devices/register', '/api/v1/lookup']);
    expect(JSON.parse(server.calls[1]!.body)).toEqual({ dossierCode: CODE, digits: '2345' });
    expect(server.calls[1]!.auth).toBe(`Device ${CREDENTIAL.deviceId}.${CREDENTIAL.secret}`);
    expect(await storage().settings.getCredential()).toEqual(CREDENTIAL);
    expect((await storage().dossiers.getDossier(ID))?.statusSeq).toBe(7);
  });

  it('says a miss, a wait and no network in their own words', async () => {
    await storage().settings.setCredential(CREDENTIAL);
    const server = fakeServer([
      Response.json({ error: 'lookup-failed', message: 'no' }, { status: 404 }),
      Response.json({ error: 'rate-limited', message: 'wait' }, { status: 429, headers: { 'Retry-After': '30' } }),
    ]);
    expect(await followDossier(deps(server.fetchFn), CODE, '0000')).toEqual({ ok: false, problems: ['lookup-failed'] });
    expect(await followDossier(deps(server.fetchFn), CODE, '0000')).toEqual({
      ok: false,
      problems: ['rate-limited'],
      retryAfterMs: 30_000,
    });
    expect(await followDossier(deps(server.fetchFn), CODE, '0000')).toEqual({ ok: false, problems: ['offline'] });
    expect(await storage().dossiers.listDossiers()).toEqual([]);
  });
});
