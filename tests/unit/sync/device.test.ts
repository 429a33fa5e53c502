/**
 * Sync protocol 2 on the phone: a phone without a credential registers itself when it first has
 * something to send; a revoked phone stops sending and keeps its queue; an unknown resident
 * credential is dropped and made anew; a 429 is waited out for exactly as long as the server said.
 */
import { describe, expect, it } from 'vitest';
import { normaliseEnrolmentCode } from '../../../src/domain/device-credential';
import { createSyncEngine, type SyncEvent } from '../../../src/sync/engine';
import { retryAfterMs } from '../../../src/sync/transport';
import { adviseOutboxRow } from '../../../src/app/outbox-advice';
import { enrolDevice } from '../../../src/app/use-cases/enrol-device';
import { makeSubmission, portsOf, useFreshStorage } from '../storage/fresh-storage';
import { FakeServer, TEST_CREDENTIAL } from './fake-server';

const storage = useFreshStorage();
const BASE = 'https://xa-demo.example';

function setup() {
  let time = 1_000_000;
  const server = new FakeServer(() => time);
  const events: SyncEvent[] = [];
  const engine = createSyncEngine({ ...portsOf(storage()), fetch: server.fetch, now: () => time, random: () => 0.5, baseUrl: BASE });
  engine.on((e) => events.push(e));
  return { server, engine, events, advance: (ms: number) => void (time += ms), now: () => time };
}

async function queue(label = 'Trần Văn Đức') {
  const submission = makeSubmission();
  await storage().outbox.enqueueSubmission(submission, label, 1_000_000);
  return submission;
}

describe('registration', () => {
  it('a phone with nothing to send makes no request at all', async () => {
    const { server, engine } = setup();
    const report = await engine.sync('startup');
    expect(server.registrations).toEqual([]);
    expect(server.requests).toEqual([]);
    expect(report.sent).toBe(0);
    expect(await storage().settings.getCredential()).toBeUndefined();
  });

  it('registers as a resident’s phone on the first sync with a dossier, keeps the credential and sends with it', async () => {
    const { server, engine, events } = setup();
    const item = await queue();
    const report = await engine.sync('button');
    expect(report.sent).toBe(1);
    expect(server.registrations).toHaveLength(1);
    const credential = await storage().settings.getCredential();
    expect(credential).toEqual(server.registrations[0]);
    expect(server.pushDevices).toEqual([credential?.deviceId]);
    expect(server.held.get(item.id)?.deviceId).toBe(credential?.deviceId);
    expect(events.filter((e) => e.type === 'registered')).toEqual([{ type: 'registered', kind: 'resident' }]);
    // The next sync uses the same credential.
    await queue('Lê Thị Mai');
    await engine.sync('button');
    expect(server.registrations).toHaveLength(1);
  });

  it('a server that takes no residents’ dossiers: the phone says so and keeps the dossier queued', async () => {
    const { server, engine, events } = setup();
    server.registrationFaults.push({ status: 403, body: { error: 'resident-submissions-off', message: 'staff only' } });
    const item = await queue();
    const report = await engine.sync('button');
    expect(report).toMatchObject({ registrationRefused: true, sent: 0, retried: 0 });
    expect(events.some((e) => e.type === 'registration-refused')).toBe(true);
    expect(server.pushAttempts).toBe(0);
    expect((await storage().outbox.getOutboxItem(item.id))?.state).toBe('queued');
  });

  it('no network at registration: offline, the dossier stays queued', async () => {
    const { server, engine } = setup();
    server.registrationFaults.push('offline');
    const item = await queue();
    const report = await engine.sync('button');
    expect(report.offline).toBe(true);
    expect((await storage().outbox.getOutboxItem(item.id))?.state).toBe('queued');
  });
});

describe('a refused phone', () => {
  it('revoked: wipes the drafts and the dossier list at that contact, keeps the unsent queue', async () => {
    const { server, engine } = setup();
    await storage().settings.setCredential(TEST_CREDENTIAL);
    const draft = await storage().drafts.createDraft('tam-tru', 1, 1_000_000);
    await storage().drafts.saveDraft(draft.id, { label: 'Nguyễn Thị Lan', answers: { hoTen: 'Nguyễn Thị Lan' } }, 1_000_000);
    const sent = await queue('Lê Văn Sơn');
    await engine.sync('button');
    expect((await storage().dossiers.listDossiers()).map((d) => d.id)).toEqual([sent.id]);
    server.devices.get(TEST_CREDENTIAL.deviceId)!.revoked = true;
    const waiting = await queue('Phạm Thị Hoa');
    const report = await engine.sync('button');
    expect(report.deviceRevoked).toBe(true);
    expect(await storage().drafts.listDrafts()).toEqual([]);
    expect(await storage().dossiers.listDossiers()).toEqual([]);
    expect(await storage().outbox.getOutboxItem(waiting.id)).toMatchObject({ state: 'queued' });
  });

  it('revoked: says so, keeps the queue untouched (no attempt counted), and sends nothing more until enrolled again', async () => {
    const { server, engine, events } = setup();
    await storage().settings.setCredential(TEST_CREDENTIAL);
    server.devices.get(TEST_CREDENTIAL.deviceId)!.revoked = true;
    const item = await queue();
    const report = await engine.sync('button');
    expect(report).toMatchObject({ deviceRevoked: true, sent: 0 });
    expect(events.some((e) => e.type === 'device-revoked')).toBe(true);
    const row = await storage().outbox.getOutboxItem(item.id);
    expect(row).toMatchObject({ state: 'queued', attempts: 0 });
    expect(await storage().settings.getRevokedAt()).not.toBeNull();

    const before = server.requests.length;
    const again = await engine.sync('button');
    expect(again.deviceRevoked).toBe(true);
    expect(server.requests.length).toBe(before);

    // Enrolled again (a new credential): the queue leaves, once.
    server.devices.set('device-0099', { secret: 'fake-secret-0000000000000099', revoked: false });
    await storage().settings.setCredential({ ...TEST_CREDENTIAL, deviceId: 'device-0099', secret: 'fake-secret-0000000000000099' });
    const after = await engine.sync('button');
    expect(after.sent).toBe(1);
    expect(server.storeCounts.get(item.id)).toBe(1);
  });

  it('a resident credential the server does not know is dropped, and the next sync registers anew and sends', async () => {
    const { server, engine } = setup();
    await storage().settings.setCredential({ deviceId: 'device-gone-01', secret: 'fake-secret-000000000000gone', kind: 'resident' });
    const item = await queue();
    const first = await engine.sync('button');
    expect(first.sent).toBe(0);
    expect(await storage().settings.getCredential()).toBeUndefined();
    expect((await storage().outbox.getOutboxItem(item.id))?.state).toBe('queued');
    const second = await engine.sync('button');
    expect(second.sent).toBe(1);
    expect(server.registrations).toHaveLength(1);
  });

  it('an outreach phone the server does not know must be enrolled again: it is never quietly turned into a resident’s', async () => {
    const { server, engine } = setup();
    await storage().settings.setCredential({ ...TEST_CREDENTIAL, deviceId: 'device-gone-02' });
    await queue();
    const report = await engine.sync('button');
    expect(report.deviceRevoked).toBe(true);
    expect(server.registrations).toEqual([]);
  });
});

describe('rate limits', () => {
  it('a 429 with Retry-After: the rows wait exactly that long, not the backoff', async () => {
    const { server, engine, now } = setup();
    await storage().settings.setCredential(TEST_CREDENTIAL);
    server.pushFaults.push({ status: 429, body: { error: 'rate-limited', message: 'slow down' } });
    const item = await queue();
    // The fake answers faults without headers: Retry-After missing means one minute.
    await engine.sync('button');
    const row = await storage().outbox.getOutboxItem(item.id);
    expect(row?.state).toBe('queued');
    expect(row?.nextAttemptAt).toBe(now() + 60_000);
  });

  it('a resident phone past its daily allowance keeps its queue and says so (quota-exceeded), waiting as told', async () => {
    const { server, engine, now } = setup();
    await storage().settings.setCredential(TEST_CREDENTIAL);
    server.pushFaults.push({ status: 429, body: { error: 'quota-exceeded', message: 'The allowance for today is used up.' } });
    const item = await queue();
    await engine.sync('button');
    const row = await storage().outbox.getOutboxItem(item.id);
    expect(row).toMatchObject({
      state: 'queued',
      lastError: { code: 'quota-exceeded', detail: { status: 429, reason: 'quota-exceeded' } },
    });
    expect(row?.nextAttemptAt).toBe(now() + 60_000);
    expect(adviseOutboxRow(row!).errorKey).toBe('sync2.errors.quota-exceeded');
  });

  it('reads Retry-After in seconds or as a date, capped at a day', () => {
    const now = Date.UTC(2026, 11, 1, 3, 0, 0);
    expect(retryAfterMs('120', now)).toBe(120_000);
    expect(retryAfterMs(new Date(now + 90_000).toUTCString(), now)).toBe(90_000);
    expect(retryAfterMs('999999999', now)).toBe(24 * 3600 * 1000);
    expect(retryAfterMs('soon', now)).toBe(60_000);
    expect(retryAfterMs(null, now)).toBe(60_000);
  });
});

describe('enrolment', () => {
  it('takes a code typed with spaces or dashes, in lower case, or inside the link of the QR code', () => {
    expect(normaliseEnrolmentCode('k7q2 mx4p')).toBe('K7Q2MX4P');
    expect(normaliseEnrolmentCode('K7Q2-MX4P')).toBe('K7Q2MX4P');
    expect(normaliseEnrolmentCode('https://xa.example/dang-ky-may#K7Q2MX4P')).toBe('K7Q2MX4P');
    expect(normaliseEnrolmentCode('K7Q2MX4')).toBeNull();
    expect(normaliseEnrolmentCode('K7Q2MX4O')).toBeNull();
  });

  it('stores the staff credential the server issues; a refused code changes nothing', async () => {
    const answers: Response[] = [
      Response.json({ error: 'enrolment-invalid', message: 'no' }, { status: 400 }),
      Response.json({ ...TEST_CREDENTIAL }, { status: 201 }),
    ];
    const sent: string[] = [];
    const fetchFn = (async (_input: RequestInfo | URL, init?: RequestInit) => {
      sent.push(String(init?.body));
      return answers.shift()!;
    }) as typeof fetch;
    const settings = storage().settings;
    expect(await enrolDevice({ fetch: fetchFn, settings }, 'abc')).toEqual({ ok: false, problem: 'code-format' });
    expect(sent).toEqual([]);
    expect(await enrolDevice({ fetch: fetchFn, settings }, 'k7q2 mx4p')).toEqual({ ok: false, problem: 'enrolment-invalid' });
    expect(await settings.getCredential()).toBeUndefined();
    expect(await enrolDevice({ fetch: fetchFn, settings }, 'K7Q2-MX4P')).toEqual({ ok: true, staff: TEST_CREDENTIAL.staff });
    expect(sent).toEqual(['{"code":"K7Q2MX4P"}', '{"code":"K7Q2MX4P"}']);
    expect(await settings.getCredential()).toEqual(TEST_CREDENTIAL);
  });
});
