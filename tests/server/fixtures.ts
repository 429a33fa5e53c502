/** Shared fixtures for server tests: a valid CT01 dossier, a fixed clock, a real database per test. */
import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { DEFAULT_COMMUNE } from '../../src/content/commune';
import { CONSENT } from '../../src/content/consent';
import type { Answers, AttachmentRef, AttachmentType } from '../../src/domain/form-schema';
import {
  SYNC_PROTOCOL_VERSION,
  deviceAuthorization,
  type ConsentRecord,
  type DeviceCredential,
  type PullResponse,
  type PushRequest,
  type PushResponse,
  type StatusChange,
  type Submission,
} from '../../src/domain/protocol';
import type { DossierAction } from '../../src/domain/dossier-lifecycle';
import type { Role } from '../../src/domain/roles';
import { hashPassword, type ScryptParams } from '../../src/server/accounts/passwords';
import { createApp, type AppOptions, type ServerApp } from '../../src/server/http/app';
import { CT01_V1_ANSWERS } from '../fixtures/ct01-answers';
import type { Stores } from '../../src/server/stores';
import type { AcceptedSubmission, PushSender } from '../../src/server/sync/sync-repository';
import type { StoreBackend, StoreOpenOptions, TestDatabase } from './stores';

export const COMMUNE_CODE = DEFAULT_COMMUNE.code;
/** Device ids for tests of the repositories, below the HTTP layer (which issues its own). */
export const DEVICE_ID = 'device-aaaa-1111';
export const OTHER_DEVICE_ID = 'device-bbbb-2222';
/** A resident's phone as the repositories see a push from DEVICE_ID. */
export const SENDER: PushSender = { deviceId: DEVICE_ID, kind: 'resident' };
export const OTHER_SENDER: PushSender = { deviceId: OTHER_DEVICE_ID, kind: 'resident' };

/** Cheap scrypt for tests (one test checks that the app's default is OWASP's). */
export const TEST_SCRYPT: ScryptParams = { N: 2 ** 10, r: 8, p: 1, saltBytes: 16, keyBytes: 32 };

/** 10:00 on 14/07/2025 in Vietnam (03:00 UTC). */
export const NOW = Date.UTC(2025, 6, 14, 3, 0, 0);

/** Nguyễn Thị Hoa: CCCD 038 (Thanh Hóa), digit 1 = female born 1900–1999, 90 = 1990. */
export const VALID_ANSWERS: Answers = { ...CT01_V1_ANSWERS, startDate: '2025-07-20' };

/** What the phone records when the resident ticks the consent box on the review step. */
export const CONSENT_RECORD: ConsentRecord = { version: CONSENT.version, lang: 'vi', agreedAt: NOW - 3700_000 };

/** Overrides may set a field to undefined to leave it out (a submission without consent). */
export function makeSubmission(
  overrides: { [K in keyof Submission]?: Submission[K] | undefined } = {},
  answers: Partial<Answers> = {},
): Submission {
  const merged: Answers = { ...VALID_ANSWERS };
  // An answer given as undefined is removed (to test required fields).
  for (const [key, value] of Object.entries(answers)) {
    if (value === undefined) delete merged[key];
    else merged[key] = value;
  }
  // An override set to undefined leaves the field out on the wire (JSON drops it).
  return {
    id: randomUUID(),
    formId: 'tam-tru-ct01',
    formVersion: 1,
    communeCode: COMMUNE_CODE,
    answers: merged,
    submittedAt: NOW - 3600_000,
    consent: CONSENT_RECORD,
    ...overrides,
  } as Submission;
}

/** A fixture submission as the push gate hands it to the sync repository (already valid and normalised). */
export function makeAccepted(overrides: Partial<AcceptedSubmission> = {}): AcceptedSubmission {
  return { ...makeSubmission(), consent: CONSENT_RECORD, attachments: [], ...overrides };
}

export interface TestBlob {
  bytes: Uint8Array<ArrayBuffer>;
  sha256: string;
  type: AttachmentType;
}

const SIGNATURES: Readonly<Record<AttachmentType, number[]>> = {
  'image/jpeg': [0xff, 0xd8, 0xff, 0xe0],
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  'image/webp': [...Buffer.from('RIFF\0\0\0\0WEBP')],
  'application/pdf': [...Buffer.from('%PDF-1.7\n')],
};

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** `size` bytes that start like a file of `type`, different for every `seed`. */
export function makeBlob(seed: number, size = 1000, type: AttachmentType = 'image/jpeg'): TestBlob {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = (seed * 31 + i * 7) & 0xff;
  bytes.set(SIGNATURES[type].slice(0, size));
  return { bytes, sha256: sha256Of(bytes), type };
}

/** The ref a phone puts in the answers for this blob. */
export function refOf(blob: TestBlob, name = 'anh.jpg'): AttachmentRef {
  return { sha256: blob.sha256, name, type: blob.type, size: blob.bytes.byteLength };
}

/** A phone with a credential the server issued, as tests hold it. */
export interface TestDevice extends DeviceCredential {
  /** `{ authorization: 'Device <id>.<secret>' }`, to spread into request headers. */
  headers: { authorization: string };
}

/** Registers a resident's phone through the real route (sync protocol 2). */
export async function registerDevice(app: ServerApp): Promise<TestDevice> {
  const res = await app.request('/api/v1/devices/register', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ protocol: SYNC_PROTOCOL_VERSION }),
  });
  if (res.status !== 201) throw new Error(`register failed: ${res.status} ${await res.text()}`);
  const credential = (await res.json()) as DeviceCredential;
  return { ...credential, headers: { authorization: deviceAuthorization(credential.deviceId, credential.secret) } };
}

export function putBlob(
  app: ServerApp,
  device: TestDevice,
  sha256: string,
  bytes: Uint8Array | ReadableStream<Uint8Array>,
  type = 'image/jpeg',
  headers: Record<string, string> = {},
): Promise<Response> {
  const init = {
    method: 'PUT',
    headers: { 'content-type': type, ...device.headers, ...headers },
    body: bytes,
    duplex: 'half',
  } as RequestInit;
  return Promise.resolve(app.request(`/api/v1/blobs/${sha256}`, init));
}

export function headBlob(app: ServerApp, device: TestDevice, sha256: string): Promise<Response> {
  return Promise.resolve(app.request(`/api/v1/blobs/${sha256}`, { method: 'HEAD', headers: device.headers }));
}

export function pushRequest(items: Submission[]): PushRequest {
  return { protocol: SYNC_PROTOCOL_VERSION, items };
}

/** A fresh temp directory, removed by the returned cleanup. */
export async function makeTempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'mcld-server-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** A staff account made for a test, signed in: `headers` carry its session cookie. */
export interface TestStaff {
  id: string;
  username: string;
  password: string;
  role: Role;
  headers: { cookie: string };
}

/** The `name=value` of a Set-Cookie answer, for the next request's Cookie header. */
export function sessionCookieOf(res: Response): string {
  const setCookie = res.headers.get('set-cookie') ?? '';
  const pair = setCookie.split(';')[0] ?? '';
  if (!pair.includes('=') || pair.endsWith('=')) throw new Error(`no session cookie in ${JSON.stringify(setCookie)}`);
  return pair;
}

/** Signs in through the real route; throws unless it answers 200. */
export async function login(
  app: ServerApp,
  username: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<{ cookie: string }> {
  const res = await postJson(app, '/api/v1/auth/login', { username, password }, headers);
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  return { cookie: sessionCookieOf(res) };
}

/** Creates an account in the store (no password change pending, unless asked) and signs it in. */
export async function makeStaff(
  server: Pick<TestServer, 'app' | 'stores'>,
  role: Role,
  options: { username?: string; villageId?: string; mustChangePassword?: boolean; communeCode?: string } = {},
): Promise<TestStaff> {
  const username = options.username ?? `${role}-${randomUUID().slice(0, 8)}`;
  const password = `mat khau cua ${username}`;
  const id = randomUUID();
  const created = await server.stores.accounts.createStaff(
    {
      id,
      communeCode: options.communeCode ?? COMMUNE_CODE,
      username,
      displayName: `Cán bộ ${role}`,
      role,
      ...(options.villageId !== undefined ? { villageId: options.villageId } : {}),
      passwordHash: await hashPassword(password, TEST_SCRYPT),
      mustChangePassword: options.mustChangePassword ?? false,
    },
    NOW,
  );
  if (created !== 'created') throw new Error(`username ${username} taken`);
  const { cookie } = await login(server.app, username, password);
  return { id, username, password, role, headers: { cookie } };
}

/** Enrols a phone for `staff` through the real routes: `by` (an officer or admin) makes the code. */
export async function enrolPhone(app: ServerApp, by: TestStaff, staff: Pick<TestStaff, 'username'>): Promise<TestDevice> {
  const made = await postJson(app, '/api/v1/devices/enrolments', { username: staff.username }, by.headers);
  if (made.status !== 201) throw new Error(`enrolment failed: ${made.status} ${await made.text()}`);
  const { code } = (await made.json()) as { code: string };
  const res = await postJson(app, '/api/v1/devices/enrol', { code });
  if (res.status !== 201) throw new Error(`enrol failed: ${res.status} ${await res.text()}`);
  const credential = (await res.json()) as DeviceCredential;
  return { ...credential, headers: { authorization: deviceAuthorization(credential.deviceId, credential.secret) } };
}

export interface TestServer {
  app: ServerApp;
  /** A registered resident phone, the same one for each name within a test ('a' by default). */
  device(name?: string): Promise<TestDevice>;
  /** A signed-in officer, the same one within a test. */
  officer(): Promise<TestStaff>;
  /** The app's repositories, on the test's own database. */
  stores: Stores;
  /** The test's own database, readable with plain SQL. */
  db: TestDatabase;
  /** A fresh temp directory for files the test needs. */
  dir: string;
  /** Moves the fixed clock. */
  setNow: (ms: number) => void;
  cleanup: () => Promise<void>;
}

/** For tests of other things that push more than a resident phone's daily allowance from one phone. */
export const NO_RESIDENT_QUOTA = { dossiersPerDay: 1_000_000, photoBytesPerDay: 2 ** 40 } as const;

/** The app over a fresh database of `backend` and a fresh temp directory, clock fixed at NOW. */
export async function startTestServer(
  backend: StoreBackend,
  options: Partial<AppOptions> = {},
  storeOptions: StoreOpenOptions = {},
): Promise<TestServer> {
  const temp = await makeTempDir();
  const db = await backend.createDatabase();
  const stores = await db.open(storeOptions);
  let now = NOW;
  const app = createApp({
    stores,
    communeCode: COMMUNE_CODE,
    now: () => now,
    passwordParams: TEST_SCRYPT,
    ...options,
  });
  const devices = new Map<string, Promise<TestDevice>>();
  let officer: Promise<TestStaff> | undefined;
  return {
    app,
    officer: () => (officer ??= makeStaff({ app, stores }, 'officer', { username: 'can.bo.mot.cua' })),
    device: (name = 'a') => {
      if (!devices.has(name)) devices.set(name, registerDevice(app));
      return devices.get(name)!;
    },
    stores,
    db,
    dir: temp.dir,
    setNow: (ms) => {
      now = ms;
    },
    cleanup: async () => {
      await db.cleanup();
      await temp.cleanup();
    },
  };
}

export function postJson(app: ServerApp, path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return Promise.resolve(
    app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );
}

/** POST /api/v1/sync/push as this device. */
export function push(app: ServerApp, device: TestDevice, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return postJson(app, '/api/v1/sync/push', body, { ...device.headers, ...headers });
}

export function pull(app: ServerApp, since: number | string, device: TestDevice): Promise<Response> {
  return Promise.resolve(app.request(`/api/v1/sync/pull?since=${since}`, { headers: device.headers }));
}

/** POST /api/v1/dossiers/:ref/actions as this staff member. */
export function act(app: ServerApp, staff: TestStaff, ref: string, action: DossierAction, note?: string): Promise<Response> {
  return postJson(app, `/api/v1/dossiers/${ref}/actions`, note === undefined ? { action } : { action, note }, staff.headers);
}

/** Moves a dossier through the lifecycle straight in the store, as an admin would (tests of the store, below HTTP). */
export async function advance(stores: Stores, ref: string, action: DossierAction, now: number, note?: string): Promise<StatusChange> {
  const result = await stores.dossiers.applyTransition(
    { ref, communeCode: COMMUNE_CODE, action, actor: { kind: 'staff', role: 'admin' }, ...(note !== undefined ? { note } : {}) },
    now,
  );
  if (!result.ok) throw new Error(`${action} on ${ref}: ${result.reason}`);
  return result.change;
}

/** Pushes one fresh valid dossier through the app; throws unless it was stored. */
export async function pushOneStored(app: ServerApp, device: TestDevice): Promise<{ id: string; dossierCode: string }> {
  const item = makeSubmission();
  const res = await push(app, device, pushRequest([item]));
  const [result] = ((await res.json()) as PushResponse).results;
  if (result?.outcome !== 'stored') throw new Error(`push failed: ${JSON.stringify(result)}`);
  return { id: item.id, dossierCode: result.dossierCode };
}

/** A pull that must answer 200, and its page. */
export async function pullPage(app: ServerApp, since: number | string, device: TestDevice): Promise<PullResponse> {
  const res = await pull(app, since, device);
  expect(res.status).toBe(200);
  return (await res.json()) as PullResponse;
}
