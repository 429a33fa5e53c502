import { describe, expect, it } from 'vitest';
import { checkSubmission, normalizeAnswers, validate } from '../../../src/domain/validate';
import { TAM_TRU_CT01 } from '../../../src/content/forms/tam-tru-ct01';
import type { FormDefinition } from '../../../src/domain/form-schema';
import { CT01_V1_ANSWERS } from '../../fixtures/ct01-answers';

const today = { year: 2026, month: 11, day: 28 };

const good = CT01_V1_ANSWERS;

const codes = (answers: unknown) => validate(TAM_TRU_CT01, answers, { today }).map((e) => `${e.field}:${e.code}`);

describe('validate() on the CT01 temporary residence form', () => {
  it('accepts a complete, consistent declaration', () => {
    expect(codes(good)).toEqual([]);
  });

  it('names every missing required field, in form order', () => {
    expect(codes({})).toEqual(TAM_TRU_CT01.fields.map((f) => `${f.id}:required`));
    expect(codes({ ...good, fullName: '   ' })).toEqual(['fullName:required']);
  });

  it('checks the CCCD against sex and year of birth', () => {
    expect(codes({ ...good, sex: 'male' })).toEqual(['cccd:cccd-sex']);
    expect(codes({ ...good, birthDate: '1991-05-12' })).toEqual(['cccd:cccd-year']);
    expect(codes({ ...good, cccd: '03819001234' })).toEqual(['cccd:cccd-format']);
  });

  it('checks phone numbers and dates', () => {
    expect(codes({ ...good, phone: '0243765432' })).toEqual(['phone:phone-format']);
    expect(codes({ ...good, birthDate: '2027-01-01', cccd: '038327012345' })).toEqual(['birthDate:date-future']);
    expect(codes({ ...good, birthDate: '12/05/1990' })).toEqual(['birthDate:date-format']);
    expect(codes({ ...good, birthDate: '1890-05-12', cccd: '038090012345', sex: 'male' })).toContain('birthDate:date-too-early');
    expect(codes({ ...good, sex: 'other' })).toEqual(['sex:choice-unknown']);
  });

  it('refuses wrong types and unknown fields without throwing', () => {
    expect(codes(null)).toEqual([':wrong-type']);
    expect(codes([good])).toEqual([':wrong-type']);
    expect(codes({ ...good, fullName: 42 })).toEqual(['fullName:wrong-type']);
    expect(codes({ ...good, phone: { n: 1 } })).toEqual(['phone:wrong-type']);
    expect(codes({ ...good, salary: '1' })).toEqual(['salary:unknown-field']);
    expect(codes({ ...good, reason: 'x'.repeat(501) })).toEqual(['reason:too-long']);
  });
});

describe('conditional fields', () => {
  const form: FormDefinition = {
    id: 't',
    version: 1,
    procedureCode: 'x',
    title: { vi: 'T', en: 'T' },
    fields: [
      { id: 'hasSpouse', kind: 'yesno', label: { vi: 'a', en: 'a' } },
      { id: 'spouse', kind: 'text', required: true, showIf: { field: 'hasSpouse', equals: true }, label: { vi: 'b', en: 'b' } },
    ],
  };

  it('validates a field only when its condition holds, and never sends it hidden', () => {
    expect(validate(form, { hasSpouse: false }, { today })).toEqual([]);
    expect(validate(form, { hasSpouse: true }, { today })).toEqual([{ field: 'spouse', code: 'required' }]);
    expect(normalizeAnswers(form, { hasSpouse: false, spouse: 'Lan' })).toEqual({ hasSpouse: false });
  });
});

describe('checkSubmission()', () => {
  it('normalises text to NFC, tidies spaces and compacts phone numbers', () => {
    const nfd = { ...good, fullName: '  Nguyễn   Thị Hoa '.normalize('NFD'), phone: '0912 345 678' };
    const result = checkSubmission(TAM_TRU_CT01, nfd, { today });
    expect(result).toEqual({ ok: true, answers: { ...good, fullName: 'Nguyễn Thị Hoa' } });
    if (result.ok) expect(result.answers.fullName).toBe('Nguyễn Thị Hoa'.normalize('NFC'));
  });

  it('returns field errors instead of answers when something is wrong', () => {
    expect(checkSubmission(TAM_TRU_CT01, { ...good, phone: '123' }, { today })).toEqual({
      ok: false,
      errors: [{ field: 'phone', code: 'phone-format' }],
    });
  });
});
