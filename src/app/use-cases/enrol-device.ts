/**
 * "Đăng ký máy cho tổ công tác": a one-time code an officer made for a staff member turns this
 * phone into that person's device. The new credential replaces any earlier one (a phone that had
 * registered itself as a resident's keeps its queue: the dossiers then go as the staff member's).
 */
import { normaliseEnrolmentCode, type StaffIdentity } from '../../domain/device-credential';
import type { Settings } from '../../storage/settings';
import { DEFAULT_TIMEOUT_MS, postEnrol } from '../../sync/transport';

export const ENROL_PROBLEMS = ['code-format', 'enrolment-invalid', 'offline', 'rate-limited', 'update-required', 'failed'] as const;
export type EnrolProblem = (typeof ENROL_PROBLEMS)[number];

export type EnrolResult = { ok: true; staff: StaffIdentity | undefined } | { ok: false; problem: EnrolProblem };

export interface EnrolDeps {
  fetch: typeof fetch;
  settings: Pick<Settings, 'setCredential'>;
  baseUrl?: string;
}

export async function enrolDevice(deps: EnrolDeps, typed: string): Promise<EnrolResult> {
  const code = normaliseEnrolmentCode(typed);
  if (!code) return { ok: false, problem: 'code-format' };
  const answer = await postEnrol({ fetch: deps.fetch, baseUrl: deps.baseUrl ?? '', timeoutMs: DEFAULT_TIMEOUT_MS }, code);
  switch (answer.kind) {
    case 'ok':
      if (answer.body.kind !== 'staff') return { ok: false, problem: 'failed' };
      await deps.settings.setCredential(answer.body);
      return { ok: true, staff: answer.body.staff };
    case 'offline':
      return { ok: false, problem: 'offline' };
    case 'rate-limited':
      return { ok: false, problem: 'rate-limited' };
    case 'update-required':
      return { ok: false, problem: 'update-required' };
    case 'failed':
      return { ok: false, problem: answer.reason === 'enrolment-invalid' ? 'enrolment-invalid' : 'failed' };
    case 'unauthorized':
      return { ok: false, problem: 'failed' };
  }
}
