/**
 * Times a phone puts on a dossier are read from its own clock, which may be wrong or forged. The
 * push gate refuses the implausible ones (a dossier "submitted" next year, consent given after
 * the submission it belongs to, a clock reset to 1970), and the phone checks the same before it
 * queues, so both sides give the same reason. Pure: the server's clock is passed in.
 */
import type { FieldError } from './validation-codes';

export const DAY_MS = 86_400_000;
/** Clocks drift and time zones are misset: up to a day ahead of the server is still believed. */
export const MAX_CLOCK_AHEAD_MS = DAY_MS;
/** 01/01/2025 00:00 in Vietnam: no dossier of this app (post-2025 forms and units) is older. */
export const EARLIEST_SUBMISSION_MS = Date.UTC(2024, 11, 31, 17);

export interface SubmissionTimes {
  submittedAt: number;
  /** When the resident ticked the consent; absent on rows queued before consent existed. */
  agreedAt?: number | undefined;
}

/**
 * The fields these reasons name: not answers of the form but the phone's clock (`submittedAt`)
 * and the consent tick (`consent`), so the screens show them by the send button and the consent
 * box instead of next to a field.
 */
export const TIME_FIELDS = ['submittedAt', 'consent'] as const;

/** The errors about times among a server's (or the phone's own) refusal. */
export function timeErrorsOf(errors: readonly FieldError[]): FieldError[] {
  return errors.filter((error) => (TIME_FIELDS as readonly string[]).includes(error.field));
}

/** The reasons to refuse these times (field `submittedAt` or `consent`), none when plausible. */
export function implausibleTimes(times: SubmissionTimes, now: number): FieldError[] {
  const errors: FieldError[] = [];
  const { submittedAt, agreedAt } = times;
  if (submittedAt > now + MAX_CLOCK_AHEAD_MS) errors.push({ field: 'submittedAt', code: 'time-future' });
  else if (submittedAt < EARLIEST_SUBMISSION_MS) errors.push({ field: 'submittedAt', code: 'time-past' });
  // A wrong submittedAt is the one cause to name: comparing consent with it would only add noise.
  if (agreedAt !== undefined && errors.length === 0) {
    if (agreedAt > submittedAt) errors.push({ field: 'consent', code: 'time-order' });
    else if (agreedAt < EARLIEST_SUBMISSION_MS) errors.push({ field: 'consent', code: 'time-past' });
  }
  return errors;
}
