/** The times a phone stamps on a dossier: what is believed, what is refused and under which field. */
import { describe, expect, it } from 'vitest';
import type { FieldError } from '../../../src/domain/validation-codes';
import { DAY_MS, EARLIEST_SUBMISSION_MS, implausibleTimes, timeErrorsOf } from '../../../src/domain/submission-times';

const NOW = Date.UTC(2026, 11, 2, 3); // 02/12/2026 10:00 in Vietnam

describe('implausibleTimes', () => {
  it('believes a clock up to a day ahead, and consent given before the submission', () => {
    expect(implausibleTimes({ submittedAt: NOW, agreedAt: NOW - 60_000 }, NOW)).toEqual([]);
    expect(implausibleTimes({ submittedAt: NOW + DAY_MS, agreedAt: NOW }, NOW)).toEqual([]);
    expect(implausibleTimes({ submittedAt: NOW }, NOW)).toEqual([]);
  });

  it('refuses a submission more than a day ahead of the server, naming only that', () => {
    expect(implausibleTimes({ submittedAt: NOW + DAY_MS + 1, agreedAt: NOW + DAY_MS + 5 }, NOW)).toEqual([
      { field: 'submittedAt', code: 'time-future' },
    ]);
  });

  it('refuses a clock reset to before 2025, and consent stamped before 2025', () => {
    expect(implausibleTimes({ submittedAt: 0 }, NOW)).toEqual([{ field: 'submittedAt', code: 'time-past' }]);
    expect(implausibleTimes({ submittedAt: EARLIEST_SUBMISSION_MS }, NOW)).toEqual([]);
    expect(implausibleTimes({ submittedAt: NOW, agreedAt: EARLIEST_SUBMISSION_MS - 1 }, NOW)).toEqual([
      { field: 'consent', code: 'time-past' },
    ]);
  });

  it('refuses consent given after the submission it belongs to', () => {
    expect(implausibleTimes({ submittedAt: NOW, agreedAt: NOW + 1 }, NOW)).toEqual([{ field: 'consent', code: 'time-order' }]);
  });
});

describe('timeErrorsOf', () => {
  it("keeps the refusals about times and leaves the answers' own to their fields", () => {
    const errors: FieldError[] = [
      { field: 'fullName', code: 'required' },
      { field: 'submittedAt', code: 'time-future' },
      { field: 'consent', code: 'time-order' },
      { field: 'members.0.consentGiven', code: 'required' },
    ];
    expect(timeErrorsOf(errors)).toEqual([
      { field: 'submittedAt', code: 'time-future' },
      { field: 'consent', code: 'time-order' },
    ]);
    expect(timeErrorsOf([])).toEqual([]);
  });
});
