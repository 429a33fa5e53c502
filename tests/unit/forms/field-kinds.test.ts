import { describe, expect, it } from 'vitest';
import { normalizeAnswers } from '../../../src/domain/validate';
import { FORM_SCHEMA_VERSION } from '../../../src/domain/form-schema';
import { BA_DINH, L, OPTIONS, TODAY, accepted, codes, makeForm, photo, sha } from './helpers';

describe('schema version', () => {
  it('is 3 since lists, addresses, attachments, groups, computed values (2) and the conditions, rules and fee data of 2026 (3) exist', () => {
    expect(FORM_SCHEMA_VERSION).toBe(3);
  });
});

describe('text, number, date, choice, yes/no, phone, email, CCCD', () => {
  const form = makeForm([
    { id: 'name', kind: 'text', maxLength: 10, label: L('Tên') },
    { id: 'note', kind: 'longtext', label: L('Ghi chú') },
    { id: 'pages', kind: 'number', integer: true, min: 1, max: 9, label: L('Số trang') },
    { id: 'start', kind: 'date', minYear: 2000, notPast: true, maxDaysAhead: 30, label: L('Ngày') },
    { id: 'kind', kind: 'choice', options: [{ value: 'a', label: L('A') }], label: L('Loại') },
    { id: 'ok', kind: 'yesno', required: true, label: L('Đồng ý') },
    { id: 'phone', kind: 'phone', label: L('Điện thoại') },
    { id: 'email', kind: 'email', label: L('Email') },
    { id: 'cccd', kind: 'cccd', label: L('CCCD') },
  ]);

  it('accepts good answers and tidies them', () => {
    expect(
      accepted(form, {
        name: '  Lan   Anh ',
        note: ' dòng 1\r\ndòng 2 ',
        pages: 3,
        start: '2026-12-28',
        kind: 'a',
        ok: false,
        phone: '091 234.5678',
        email: 'lan@example.vn',
        cccd: '038 190 012 345',
      }),
    ).toEqual({
      name: 'Lan Anh',
      note: 'dòng 1\ndòng 2',
      pages: 3,
      start: '2026-12-28',
      kind: 'a',
      ok: false,
      phone: '0912345678',
      email: 'lan@example.vn',
      cccd: '038190012345',
    });
  });

  it('names what is wrong with each', () => {
    expect(codes(form, { ok: true, name: 'x'.repeat(11) })).toEqual(['name:too-long']);
    expect(codes(form, { ok: true, pages: 2.5 })).toEqual(['pages:number-whole']);
    expect(codes(form, { ok: true, pages: 10 })).toEqual(['pages:number-range']);
    expect(codes(form, { ok: true, pages: '3' })).toEqual(['pages:wrong-type']);
    expect(codes(form, { ok: true, start: '2026-11-27' })).toEqual(['start:date-past']);
    expect(codes(form, { ok: true, start: '2026-12-29' })).toEqual(['start:date-too-late']);
    expect(codes(form, { ok: true, start: '2026-02-30' })).toEqual(['start:date-format']);
    expect(codes(form, { ok: true, kind: 'b' })).toEqual(['kind:choice-unknown']);
    expect(codes(form, { ok: 'yes' })).toEqual(['ok:wrong-type']);
    expect(codes(form, {})).toEqual(['ok:required']);
    expect(codes(form, { ok: true, phone: '0243765432' })).toEqual(['phone:phone-format']);
    expect(codes(form, { ok: true, email: 'lan@' })).toEqual(['email:email-format']);
    expect(codes(form, { ok: true, cccd: '999190012345' })).toEqual(['cccd:cccd-province']);
  });

  it('checks the last day of a date range exactly', () => {
    expect(codes(form, { ok: true, start: '2026-11-28' })).toEqual([]);
    expect(codes(form, { ok: true, start: '2026-12-28' })).toEqual([]);
  });
});

describe('multichoice', () => {
  const form = makeForm([
    {
      id: 'needs',
      kind: 'multichoice',
      required: true,
      maxSelected: 2,
      options: [
        { value: 'a', label: L('A') },
        { value: 'b', label: L('B') },
        { value: 'c', label: L('C') },
      ],
      label: L('Nhu cầu'),
    },
  ]);

  it('keeps the ticked values in option order, once each', () => {
    expect(accepted(form, { needs: ['b', 'a', 'b'] })).toEqual({ needs: ['a', 'b'] });
  });

  it('refuses unknown values, non-strings, too many, and an empty list when required', () => {
    expect(codes(form, { needs: ['a', 'z'] })).toEqual(['needs:choice-unknown']);
    expect(codes(form, { needs: ['a', 1] })).toEqual(['needs:wrong-type']);
    expect(codes(form, { needs: ['a', 'b', 'c'] })).toEqual(['needs:too-many']);
    expect(codes(form, { needs: Array(1e6).fill('a') })).toEqual(['needs:too-many']);
    expect(codes(form, { needs: [] })).toEqual(['needs:required']);
    expect(codes(form, { needs: 'a' })).toEqual(['needs:wrong-type']);
  });
});

describe('attachments', () => {
  const form = makeForm([
    {
      id: 'proof',
      kind: 'attachment',
      required: true,
      minFiles: 2,
      maxFiles: 3,
      accept: ['image/jpeg', 'application/pdf'],
      maxBytes: 1_000_000,
      label: L('Ảnh'),
    },
  ]);

  it('keeps references with the hash in lowercase and the name in NFC', () => {
    const nfd = { ...photo('A', 'Giấy chứng sinh.jpg'.normalize('NFD')) };
    expect(accepted(form, { proof: [nfd, photo('b')] })).toEqual({
      proof: [{ ...photo('a', 'Giấy chứng sinh.jpg'), sha256: sha('a') }, photo('b')],
    });
  });

  it('refuses wrong types, sizes, hashes, and too few or too many files', () => {
    expect(codes(form, { proof: [photo('a'), { ...photo('b'), type: 'image/gif' }] })).toEqual(['proof:attachment-type']);
    expect(codes(form, { proof: [photo('a'), { ...photo('b'), size: 2_000_000 }] })).toEqual(['proof:attachment-size']);
    expect(codes(form, { proof: [photo('a'), { ...photo('b'), size: 0 }] })).toEqual(['proof:attachment-size']);
    expect(codes(form, { proof: [photo('a'), { ...photo('b'), sha256: 'xyz' }] })).toEqual(['proof:attachment-hash']);
    expect(codes(form, { proof: [photo('a'), { ...photo('b'), name: '  ' }] })).toEqual(['proof:wrong-type']);
    expect(codes(form, { proof: [photo('a'), { name: 'x' }] })).toEqual(['proof:wrong-type']);
    expect(codes(form, { proof: [photo('a')] })).toEqual(['proof:too-few']);
    expect(codes(form, { proof: [photo('a'), photo('b'), photo('c'), photo('d')] })).toEqual(['proof:too-many']);
    expect(codes(form, { proof: [] })).toEqual(['proof:required']);
  });
});

describe('address', () => {
  const form = makeForm([{ id: 'home', kind: 'address', required: true, label: L('Địa chỉ') }]);
  const strict = makeForm([{ id: 'home', kind: 'address', requireUnit: true, label: L('Địa chỉ') }]);

  it('takes unit names and the list version from the units, not from the input', () => {
    expect(accepted(form, { home: { ...BA_DINH, provinceName: 'Hà Nội cũ', communeName: 'x' } })).toEqual({
      home: {
        provinceCode: '01',
        provinceName: 'Thành phố Hà Nội',
        communeCode: '00004',
        communeName: 'Phường Ba Đình',
        detail: 'Số 5 ngõ 12',
        unitsVersion: '2026-07-25',
      },
    });
  });

  it('refuses codes that do not exist or do not agree', () => {
    expect(codes(form, { home: { ...BA_DINH, communeCode: '99999' } })).toEqual(['home:address-unit']);
    expect(codes(form, { home: { ...BA_DINH, provinceCode: '38' } })).toEqual(['home:address-unit']);
    expect(codes(form, { home: { provinceCode: '01', detail: 'x' } })).toEqual(['home:address-unit']);
    expect(codes(form, { home: { ...BA_DINH, provinceCode: 1 } })).toEqual(['home:wrong-type']);
    expect(codes(form, { home: 'Số 5, Ba Đình' })).toEqual(['home:wrong-type']);
  });

  it('accepts free text when no unit is picked, unless the field requires a unit', () => {
    const typed = { detail: '', freeText: 'Thôn 3, xã Hoằng Đạo, huyện Hoằng Hóa' };
    expect(accepted(form, { home: typed })).toEqual({ home: typed });
    expect(codes(strict, { home: typed })).toEqual(['home:address-unit']);
    expect(codes(form, { home: { detail: 'Thôn 3' } })).toEqual(['home:address-unit']);
    expect(codes(form, { home: { detail: ' ', freeText: '' } })).toEqual(['home:required']);
  });

  it('checks only the code format when no units list is given, keeping the names as entered', () => {
    const noUnits = { today: TODAY };
    const old = {
      ...BA_DINH,
      communeCode: '99999',
      provinceName: 'Thành phố Hà Nội',
      communeName: 'Phường Cũ',
      unitsVersion: '2025-07-01',
    };
    expect(codes(form, { home: old }, noUnits)).toEqual([]);
    expect(normalizeAnswers(form, { home: old })).toEqual({ home: old });
    expect(codes(form, { home: { ...BA_DINH, communeCode: '4' } }, noUnits)).toEqual(['home:address-unit']);
  });

  it('reports unknown keys inside the address and limits lengths', () => {
    expect(codes(form, { home: { ...BA_DINH, extra: 'x' } })).toEqual(['home.extra:unknown-field']);
    expect(codes(form, { home: { freeText: 'x'.repeat(301), detail: '' } })).toEqual(['home:too-long']);
  });

  it('stores NFD input in NFC', () => {
    const result = accepted(form, { home: { ...BA_DINH, detail: 'Ngõ Hòa Bình'.normalize('NFD') } });
    expect((result.home as { detail: string }).detail).toBe('Ngõ Hòa Bình'.normalize('NFC'));
  });
});

describe('computed values', () => {
  const form = makeForm([
    { id: 'birth', kind: 'date', label: L('Sinh') },
    { id: 'age', kind: 'computed', compute: 'age-years', args: { birthDate: 'birth' }, unit: 'years', label: L('Tuổi') },
  ]);

  it('are recomputed and never taken from the input', () => {
    expect(accepted(form, { birth: '1990-11-29', age: 99 })).toEqual({ birth: '1990-11-29', age: 35 });
    expect(accepted(form, { birth: '1990-11-28', age: 'forged' })).toEqual({ birth: '1990-11-28', age: 36 });
    expect(accepted(form, { age: 40 })).toEqual({});
  });

  it('need the clock: without options the age is left out', () => {
    expect(normalizeAnswers(form, { birth: '1990-11-29' })).toEqual({ birth: '1990-11-29' });
    expect(normalizeAnswers(form, { birth: '1990-11-29' }, OPTIONS)).toEqual({ birth: '1990-11-29', age: 35 });
  });
});
