/**
 * "Theo dõi hồ sơ" on the phone: asks the server for a dossier by code and the applicant's last
 * digits (POST /api/v1/lookup), stores what it answered as a followed dossier row, and from then
 * on the ordinary pull brings its changes. A phone that never registered registers first (a
 * resident's phone, as on its first send), under the sync lock so the engine never registers a
 * second time at the same moment. Never throws for the network: every outcome is a named problem.
 */
import { lookupInputProblems, normaliseDigits, normaliseDossierCode, type LookupInputProblem } from '../domain/dossier-lookup';
import type { DeviceCredential } from '../domain/device-credential';
import type { DossierRow, Dossiers } from '../storage/dossiers';
import type { Settings } from '../storage/settings';
import type { SyncLock } from './lock';
import { DEFAULT_TIMEOUT_MS, postLookup, postRegister, type TransportDeps } from './transport';

export const FOLLOW_PROBLEMS = [
  'code-format',
  'digits-format',
  'lookup-failed',
  'rate-limited',
  'offline',
  'update-required',
  'device-revoked',
  'registration-refused',
  'failed',
] as const;
export type FollowProblem = (typeof FOLLOW_PROBLEMS)[number];

export type FollowResult =
  | { ok: true; dossier: DossierRow }
  /** `problems`: every input problem at once (one per field); `retryAfterMs` with rate-limited. */
  | { ok: false; problems: FollowProblem[]; retryAfterMs?: number };

export interface FollowDeps {
  fetch: typeof fetch;
  baseUrl?: string;
  now: () => number;
  lock: SyncLock;
  device: Pick<Settings, 'getCredential' | 'setCredential' | 'getRevokedAt'>;
  dossiers: Pick<Dossiers, 'recordFollowed'>;
}

type CredentialRead = { ok: true; credential: DeviceCredential } | { ok: false; problem: FollowProblem };

async function credentialOf(deps: FollowDeps, transport: TransportDeps): Promise<CredentialRead> {
  if ((await deps.device.getRevokedAt()) !== null) return { ok: false, problem: 'device-revoked' };
  const held = await deps.device.getCredential();
  if (held) return { ok: true, credential: held };
  return deps.lock(async (): Promise<CredentialRead> => {
    const again = await deps.device.getCredential();
    if (again) return { ok: true, credential: again };
    const answer = await postRegister(transport);
    if (answer.kind === 'ok') {
      await deps.device.setCredential(answer.body);
      return { ok: true, credential: answer.body };
    }
    if (answer.kind === 'offline') return { ok: false, problem: 'offline' };
    if (answer.kind === 'update-required') return { ok: false, problem: 'update-required' };
    if (answer.kind === 'rate-limited') return { ok: false, problem: 'rate-limited' };
    if (answer.kind === 'failed' && answer.reason === 'resident-submissions-off') return { ok: false, problem: 'registration-refused' };
    return { ok: false, problem: 'failed' };
  });
}

export async function followDossier(deps: FollowDeps, typedCode: string, typedDigits: string): Promise<FollowResult> {
  const inputProblems: LookupInputProblem[] = lookupInputProblems(typedCode, typedDigits);
  if (inputProblems.length > 0) return { ok: false, problems: inputProblems };
  const transport: TransportDeps = { fetch: deps.fetch, baseUrl: deps.baseUrl ?? '', timeoutMs: DEFAULT_TIMEOUT_MS };
  const held = await credentialOf(deps, transport);
  if (!held.ok) return { ok: false, problems: [held.problem] };
  const answer = await postLookup(transport, held.credential, {
    dossierCode: normaliseDossierCode(typedCode),
    digits: normaliseDigits(typedDigits),
  });
  switch (answer.kind) {
    case 'ok':
      return { ok: true, dossier: await deps.dossiers.recordFollowed(answer.body.change, answer.body.formId, deps.now()) };
    case 'offline':
      return { ok: false, problems: ['offline'] };
    case 'update-required':
      return { ok: false, problems: ['update-required'] };
    case 'rate-limited':
      return { ok: false, problems: ['rate-limited'], retryAfterMs: answer.retryAfterMs };
    case 'unauthorized':
      // The engine's next sync sorts the credential out (a new registration, or the revoked notice).
      return { ok: false, problems: [answer.revoked ? 'device-revoked' : 'failed'] };
    case 'failed':
      return { ok: false, problems: [answer.reason === 'lookup-failed' ? 'lookup-failed' : 'failed'] };
  }
}
