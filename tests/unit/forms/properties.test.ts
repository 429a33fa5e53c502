/**
 * Properties over every registered form: the validator is total and bounded, and the phone (the
 * object in memory) and the server (the same object after a JSON round trip) always agree.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FORM_VERSIONS } from '../../../src/content/forms';
import { checkSubmission, normalizeAnswers, validate } from '../../../src/domain/validate';
import { VALID } from './fixtures';
import { OPTIONS } from './helpers';
import { anything, answersFor } from './arbitraries';

const FORMS = FORM_VERSIONS.map((f) => [`${f.id}@${f.version}`, f] as const);

/** What the server sees: the submission's answers after JSON.stringify → JSON.parse. */
function overTheWire(answers: unknown): unknown {
  const text = JSON.stringify({ answers });
  return (JSON.parse(text) as { answers?: unknown }).answers;
}

describe.each(FORMS)('%s', (_name, form) => {
  it('validate, normalizeAnswers and checkSubmission never throw on anything', () => {
    fc.assert(
      fc.property(fc.oneof(anything, answersFor(form)), (input) => {
        expect(Array.isArray(validate(form, input, OPTIONS))).toBe(true);
        expect(typeof normalizeAnswers(form, input, OPTIONS)).toBe('object');
        expect(typeof checkSubmission(form, input, OPTIONS).ok).toBe('boolean');
      }),
      { numRuns: 200 },
    );
  });

  it('stays bounded on huge arrays and deep objects in every field', () => {
    const huge = Array.from({ length: 200_000 }, (_, i) => (i % 2 ? { a: 1 } : 'x'));
    let deep: Record<string, unknown> = {};
    for (let i = 0; i < 10_000; i++) deep = { d: deep, members: [deep] };
    for (const input of [
      Object.fromEntries(form.fields.map((f) => [f.id, huge])),
      Object.fromEntries(form.fields.map((f) => [f.id, deep])),
      Object.fromEntries(form.fields.map((f) => [f.id, [deep, deep]])),
    ]) {
      const errors = validate(form, input, OPTIONS);
      expect(errors.length).toBeGreaterThan(0);
      expect(errors.length).toBeLessThanOrEqual(200);
      expect(checkSubmission(form, input, OPTIONS).ok).toBe(false);
    }
  });

  it('phone and server agree: same errors, and the same normalised answers when accepted', () => {
    const seeded = fc.oneof(
      answersFor(form),
      // Valid declarations with one field replaced, so accepted paths are exercised often.
      fc.tuple(fc.constantFrom(...form.fields.map((f) => f.id)), answersFor(form)).map(([id, other]) => {
        const next: Record<string, unknown> = { ...VALID[`${form.id}@${form.version}`] };
        if (id in other) next[id] = other[id];
        return next;
      }),
    );
    let accepted = 0;
    fc.assert(
      fc.property(seeded, (answers) => {
        const phone = checkSubmission(form, answers, OPTIONS);
        const server = checkSubmission(form, overTheWire(answers), OPTIONS);
        expect(server).toStrictEqual(phone);
        if (phone.ok) {
          accepted++;
          // What the phone sends is accepted as it is: normalising is idempotent.
          expect(checkSubmission(form, overTheWire(phone.answers), OPTIONS)).toStrictEqual(phone);
        } else {
          expect(validate(form, answers, OPTIONS)).toStrictEqual(phone.errors);
        }
      }),
      { numRuns: 300 },
    );
    expect(accepted).toBeGreaterThan(0);
  });
});
