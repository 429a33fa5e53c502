/**
 * An in-memory commune server speaking src/domain/protocol.ts, passed to the engine as `fetch`.
 * Faults are queued per request: go offline before the server sees the request, lose the
 * response after the server committed, answer with a status (before or after committing), answer
 * with a non-JSON page, deliver the request twice, delay it (the phone gives up, the server
 * handles it later, out of order), or hang forever (before or after committing: a browser
 * killed mid-sync never hears back). Protocol 2: pushes and pulls need a device credential
 * (`Authorization: Device <id>.<secret>`); registrations are answered at once, outside the fault
 * queue and the request log, so the faults of a test reach the requests it is about.
 */
import {
  MAX_PUSH_ITEMS,
  PROTOCOL_HEADER,
  type PullResponse,
  type PushRequest,
  type PushResponse,
  type PushResult,
  type StatusChange,
  type Submission,
} from '../../../src/domain/protocol';
import type { FieldError } from '../../../src/domain/validate';
import { DOSSIER_CODE_ALPHABET, makeDossierCode } from '../../../src/domain/dossier-code';
import type { DeviceCredential } from '../../../src/domain/device-credential';

/** A code of the real shape (the phone refuses any other): the n-th one, written in the code alphabet. */
export function fakeDossierCode(n: number, receivedAt: number): string {
  let suffix = '';
  for (let rest = n, i = 0; i < 6; i++, rest = Math.floor(rest / 32)) suffix = DOSSIER_CODE_ALPHABET[rest % 32] + suffix;
  return makeDossierCode('00001', receivedAt, suffix);
}

export type Fault =
  | 'offline'
  | 'lose-response'
  | 'not-json'
  | 'duplicate'
  | 'delay'
  | 'hang'
  | 'hang-after-commit'
  | { status: number; body?: unknown; afterCommit?: boolean };

/** What a refused request gets instead of being handled. */
export interface Refusal {
  status: number;
  body: unknown;
}

interface Held {
  submission: Submission;
  fingerprint: string;
  dossierCode: string;
  receivedAt: number;
  deviceId: string;
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/** A credential this fake server knows from the start (tests put it on the phone beforehand). */
export const TEST_CREDENTIAL: DeviceCredential = {
  deviceId: 'device-0001',
  secret: 'fake-secret-0000000000000001',
  kind: 'staff',
  staff: { username: 'hoa.nt', displayName: 'Nguyễn Thị Hoa', role: 'outreach' },
};

export class FakeServer {
  /** Known devices by id: their secret, and whether the commune revoked them. */
  readonly devices = new Map<string, { secret: string; revoked: boolean }>([
    [TEST_CREDENTIAL.deviceId, { secret: TEST_CREDENTIAL.secret, revoked: false }],
  ]);
  /** Credentials this server issued to phones that registered themselves. */
  readonly registrations: DeviceCredential[] = [];
  /** The device each push came from (the credential's, as the real server reads it). */
  readonly pushDevices: string[] = [];
  /** Answers given to registrations instead of a credential (e.g. resident submissions off). */
  readonly registrationFaults: Fault[] = [];
  readonly held = new Map<string, Held>();
  readonly changes: (StatusChange & { deviceId: string })[] = [];
  readonly pushes: PushRequest[] = [];
  readonly pulls: { since: number; deviceId: string | null; protocol: string | null }[] = [];
  readonly requests: { url: string; method: string; headers: Headers }[] = [];
  /** Faults applied to the next requests, one each, in order. */
  readonly faults: Fault[] = [];
  /** Push faults only (pulls go through). */
  readonly pushFaults: Fault[] = [];
  /** Ids the server answers invalid with these errors. */
  readonly invalid = new Map<string, FieldError[]>();
  /** Ids the server leaves out of its push answer. */
  readonly omit = new Set<string>();
  supportedProtocols = [2];
  /** Refuses a whole push (as the real server refuses a malformed request) when this returns a refusal. */
  refuseIf: ((body: PushRequest) => Refusal | null) | null = null;
  /** How many times each id was newly stored: "exactly once" means every count is 1. */
  readonly storeCounts = new Map<string, number>();
  /** Most changes one pull answers (the real server's PULL_LIMIT is 500). */
  pullLimit = Infinity;
  /** Requests the network held back: the server handles them later (deliverDelayed). */
  readonly delayed: Request[] = [];

  /** Push requests that reached the network, whether or not the server handled them. */
  get pushAttempts(): number {
    return this.requests.filter((r) => r.method === 'POST' && new URL(r.url).pathname === '/api/v1/sync/push').length;
  }
  private seq = 0;
  private codes = 0;

  constructor(private readonly now: () => number) {}

  /** Handles the oldest (or `index`th) delayed request; its answer reaches no one. */
  async deliverDelayed(index = 0): Promise<void> {
    const [request] = this.delayed.splice(index, 1);
    if (request) await this.handle(request);
  }

  /** Puts a dossier on the server as if it had been pushed earlier. */
  seed(submission: Submission, deviceId: string): Held {
    const held: Held = {
      submission,
      fingerprint: canonical(submission),
      dossierCode: fakeDossierCode(++this.codes, this.now()),
      receivedAt: this.now(),
      deviceId,
    };
    this.held.set(submission.id, held);
    this.storeCounts.set(submission.id, (this.storeCounts.get(submission.id) ?? 0) + 1);
    return held;
  }

  /** An officer changes a dossier's status. */
  setStatus(id: string, status: StatusChange['status'], note?: string): void {
    const held = this.held.get(id);
    if (!held) throw new Error(`no dossier ${id}`);
    this.changes.push({
      id,
      dossierCode: held.dossierCode,
      status,
      changedAt: this.now(),
      seq: ++this.seq,
      deviceId: held.deviceId,
      ...(note ? { note } : {}),
    });
  }

  readonly fetch: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    if (new URL(request.url).pathname === '/api/v1/devices/register') return this.register();
    this.requests.push({ url: request.url, method: request.method, headers: request.headers });
    const isPush = new URL(request.url).pathname === '/api/v1/sync/push';
    const fault = this.faults.shift() ?? (isPush ? this.pushFaults.shift() : undefined);
    if (fault === 'offline') throw new TypeError('Failed to fetch');
    if (fault === 'hang') return new Promise<Response>(() => undefined);
    if (fault === 'not-json') return new Response('<html>captive portal</html>', { status: 200 });
    if (fault === 'delay') {
      const body = request.method === 'POST' ? await request.text() : null;
      this.delayed.push(new Request(request.url, { method: request.method, headers: request.headers, body }));
      throw new TypeError('network timeout');
    }
    if (typeof fault === 'object' && !fault.afterCommit)
      return json(fault.body ?? { error: 'bad-request', message: 'fault' }, fault.status);
    if (fault === 'duplicate') await this.handle(request.clone());
    const response = await this.handle(request);
    if (fault === 'hang-after-commit') return new Promise<Response>(() => undefined);
    if (fault === 'lose-response') throw new TypeError('network connection was lost');
    if (typeof fault === 'object') return json(fault.body ?? { error: 'internal', message: 'fault' }, fault.status);
    return response;
  };

  private async handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const protocol = request.headers.get(PROTOCOL_HEADER);
    if (!this.supportedProtocols.includes(Number(protocol))) {
      return json({ error: 'protocol-unsupported', message: 'update the app', supported: this.supportedProtocols }, 426);
    }
    const device = this.authenticate(request);
    if (typeof device !== 'string') return device;
    if (request.method === 'POST' && url.pathname === '/api/v1/sync/push') return this.push((await request.json()) as PushRequest, device);
    if (request.method === 'GET' && url.pathname === '/api/v1/sync/pull') {
      return this.pull(Number(url.searchParams.get('since') ?? 0), device, protocol);
    }
    return json({ error: 'not-found', message: url.pathname }, 404);
  }

  /** The device id of a valid credential, or the 401 the real server answers. */
  private authenticate(request: Request): string | Response {
    const match = /^Device ([^.]+)\.(.+)$/.exec(request.headers.get('authorization') ?? '');
    const known = match ? this.devices.get(match[1] as string) : undefined;
    if (!match || !known || known.secret !== match[2]) return json({ error: 'unauthorized', message: 'no valid credential' }, 401);
    if (known.revoked) return json({ error: 'device-revoked', message: 'revoked' }, 401);
    return match[1] as string;
  }

  /** A resident's phone registers itself: a new device id and secret. */
  private register(): Response {
    const fault = this.registrationFaults.shift();
    if (fault === 'offline') throw new TypeError('Failed to fetch');
    if (typeof fault === 'object') return json(fault.body ?? { error: 'internal', message: 'fault' }, fault.status);
    const n = this.devices.size + 1;
    const credential: DeviceCredential = {
      deviceId: `device-${String(n).padStart(4, '0')}`,
      secret: `fake-secret-${String(n).padStart(16, '0')}`,
      kind: 'resident',
    };
    this.devices.set(credential.deviceId, { secret: credential.secret, revoked: false });
    this.registrations.push(credential);
    return json(credential, 201);
  }

  /** One transaction per batch: every item is answered, nothing is half-stored. */
  private push(body: PushRequest, deviceId: string): Response {
    this.pushes.push(body);
    this.pushDevices.push(deviceId);
    if (body.items.length > MAX_PUSH_ITEMS) return json({ error: 'too-many-items', message: 'max 50' }, 413);
    const refusal = this.refuseIf?.(body);
    if (refusal) return json(refusal.body, refusal.status);
    const results: PushResult[] = [];
    for (const item of body.items) {
      if (this.omit.has(item.id)) continue;
      const errors = this.invalid.get(item.id);
      const held = this.held.get(item.id);
      if (held) {
        if (held.fingerprint === canonical(item)) {
          results.push({ id: item.id, outcome: 'duplicate', dossierCode: held.dossierCode, receivedAt: held.receivedAt });
        } else {
          results.push({ id: item.id, outcome: 'conflict', dossierCode: held.dossierCode });
        }
      } else if (errors) {
        results.push({ id: item.id, outcome: 'invalid', errors });
      } else {
        const stored = this.seed(item as Submission, deviceId);
        results.push({ id: item.id, outcome: 'stored', dossierCode: stored.dossierCode, receivedAt: stored.receivedAt });
      }
    }
    const response: PushResponse = { protocol: 2, results };
    return json(response);
  }

  private pull(since: number, deviceId: string, protocol: string | null): Response {
    this.pulls.push({ since, deviceId, protocol });
    const changes = this.changes
      .filter((c) => c.deviceId === deviceId && c.seq > since)
      .slice(0, this.pullLimit)
      .map(({ deviceId: _device, ...change }) => change);
    const response: PullResponse = { protocol: 2, changes, cursor: Math.max(since, ...changes.map((c) => c.seq)) };
    return json(response);
  }
}
