import { describe, expect, it } from 'vitest';
import { KET_HON } from '../../../src/content/forms/ket-hon';
import { L, codes, makeForm } from './helpers';

const SEX = {
  id: 'sex',
  kind: 'choice',
  options: [
    { value: 'male', label: L('Nam') },
    { value: 'female', label: L('Nữ') },
  ],
  label: L('Giới tính'),
} as const;

describe('cccd-matches', () => {
  const form = makeForm(
    [
      SEX,
      { id: 'birthDate', kind: 'date', label: L('Sinh') },
      { id: 'cccd', kind: 'cccd', label: L('CCCD') },
      { id: 'wifeCccd', kind: 'cccd', label: L('CCCD vợ') },
    ],
    [
      { kind: 'cccd-matches', cccd: 'cccd', sex: 'sex', birthDate: 'birthDate' },
      { kind: 'cccd-matches', cccd: 'wifeCccd', sexIs: 'female' },
    ],
  );

  it('checks the century/sex digit and the year against the answers', () => {
    expect(codes(form, { sex: 'female', birthDate: '1990-05-12', cccd: '038190012345' })).toEqual([]);
    expect(codes(form, { sex: 'male', birthDate: '1990-05-12', cccd: '038190012345' })).toEqual(['cccd:cccd-sex']);
    expect(codes(form, { sex: 'female', birthDate: '1991-05-12', cccd: '038190012345' })).toEqual(['cccd:cccd-year']);
    // Born in 2005: digit 2 (male) or 3 (female) for the 2000s.
    expect(codes(form, { sex: 'female', birthDate: '2005-01-01', cccd: '038305012345' })).toEqual([]);
    expect(codes(form, { sex: 'female', birthDate: '2005-01-01', cccd: '038105012345' })).toEqual(['cccd:cccd-year']);
  });

  it('uses a fixed sex when the form has no sex question, and stays silent while answers are missing or wrong', () => {
    expect(codes(form, { wifeCccd: '001088012345' })).toEqual(['wifeCccd:cccd-sex']);
    expect(codes(form, { cccd: '038190012345' })).toEqual([]);
    expect(codes(form, { birthDate: '1991-13-40', cccd: '038190012345' })).toEqual(['birthDate:date-format']);
  });
});

describe('legal marriage ages (Luật Hôn nhân và gia đình 2014, art. 8) at exact birthdays', () => {
  // Today is 2026-11-28 (helpers.TODAY): a woman born 2008-11-28 is 18 today; born a day later she is not.
  const form = makeForm(
    [
      { id: 'brideBirthDate', kind: 'date', label: L('Nữ') },
      { id: 'groomBirthDate', kind: 'date', label: L('Nam') },
    ],
    KET_HON.rules ? [...KET_HON.rules.filter((r) => r.kind === 'min-age')] : [],
  );

  it('a woman may marry from her 18th birthday', () => {
    expect(codes(form, { brideBirthDate: '2008-11-28' })).toEqual([]);
    expect(codes(form, { brideBirthDate: '2008-11-29' })).toEqual(['brideBirthDate:marriage-age-woman']);
  });

  it('a man may marry from his 20th birthday', () => {
    expect(codes(form, { groomBirthDate: '2006-11-28' })).toEqual([]);
    expect(codes(form, { groomBirthDate: '2006-11-29' })).toEqual(['groomBirthDate:marriage-age-man']);
  });

  it('someone born on 29 February turns a year older on 1 March in common years', () => {
    const leap = makeForm(
      [
        { id: 'b', kind: 'date', label: L('b') },
        { id: 'on', kind: 'date', label: L('on') },
      ],
      [{ kind: 'min-age', birthDate: 'b', atDate: 'on', years: 18 }],
    );
    expect(codes(leap, { b: '2008-02-29', on: '2026-02-28' })).toEqual(['b:min-age']);
    expect(codes(leap, { b: '2008-02-29', on: '2026-03-01' })).toEqual([]);
  });

  it('applies an age rule only when its condition holds', () => {
    const conditional = makeForm(
      [SEX, { id: 'birthDate', kind: 'date', label: L('Sinh') }],
      [
        { kind: 'min-age', birthDate: 'birthDate', years: 20, when: { field: 'sex', equals: 'male' }, code: 'marriage-age-man' },
        { kind: 'min-age', birthDate: 'birthDate', years: 18, when: { field: 'sex', equals: 'female' }, code: 'marriage-age-woman' },
      ],
    );
    expect(codes(conditional, { sex: 'female', birthDate: '2007-06-01' })).toEqual([]);
    expect(codes(conditional, { sex: 'male', birthDate: '2007-06-01' })).toEqual(['birthDate:marriage-age-man']);
    expect(codes(conditional, { birthDate: '2020-06-01' })).toEqual([]);
  });
});

describe('date-order', () => {
  const form = makeForm(
    [
      { id: 'born', kind: 'date', label: L('Sinh') },
      { id: 'died', kind: 'date', label: L('Mất') },
      { id: 'from', kind: 'date', label: L('Từ') },
      { id: 'to', kind: 'date', label: L('Đến') },
    ],
    [
      { kind: 'date-order', before: 'born', after: 'died' },
      { kind: 'date-order', before: 'from', after: 'to', strict: true },
    ],
  );

  it('reports the later field when the order is wrong', () => {
    expect(codes(form, { born: '1950-01-01', died: '2026-11-01' })).toEqual([]);
    expect(codes(form, { born: '1950-01-01', died: '1950-01-01' })).toEqual([]);
    expect(codes(form, { born: '1950-01-02', died: '1950-01-01' })).toEqual(['died:date-order']);
    expect(codes(form, { from: '2026-01-01', to: '2026-01-01' })).toEqual(['to:date-order']);
  });

  it('puts rule errors in form order among field errors, one per field', () => {
    expect(codes(form, { born: '1950-01-02', died: '1950-01-01', from: 'x' })).toEqual(['died:date-order', 'from:date-format']);
  });
});
