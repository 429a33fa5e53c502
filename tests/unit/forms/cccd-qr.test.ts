import { describe, expect, it } from 'vitest';
import { parseCccdQr, qrToAnswers } from '../../../src/domain/cccd-qr';
import { findForm } from '../../../src/content/forms';
import type { FormDefinition } from '../../../src/domain/form-schema';
import { ADMIN_UNITS } from '../../../src/content/admin-units/bundled';
import { vi } from '../../../src/i18n/locales/vi';
import { en } from '../../../src/i18n/locales/en';

const QR = '038190012345|123456789|Nguyễn Thị Hoa|12051990|Nữ|Thôn 3, Xã Hoằng Hóa, Tỉnh Thanh Hóa|15082021';
const DATA = {
  cccd: '038190012345',
  oldId: '123456789',
  fullName: 'Nguyễn Thị Hoa',
  birthDate: '1990-05-12',
  sex: 'female',
  address: 'Thôn 3, Xã Hoằng Hóa, Tỉnh Thanh Hóa',
  issueDate: '2021-08-15',
} as const;

describe('parseCccdQr', () => {
  it('reads a chip CCCD code', () => {
    expect(parseCccdQr(QR)).toEqual({ ok: true, data: DATA });
  });

  it('tolerates an empty old ID, trailing pipes and spaces, and NFD text', () => {
    const noOld = QR.replace('123456789', '');
    const result = parseCccdQr(`  ${noOld.normalize('NFD')}||  \n`);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.data).not.toHaveProperty('oldId');
      expect(result.data.fullName).toBe('Nguyễn Thị Hoa'.normalize('NFC'));
      expect(result.data.address).toBe(DATA.address.normalize('NFC'));
    }
    expect(parseCccdQr(QR.replace('Nữ', 'NỮ'))).toMatchObject({ ok: true });
  });

  it('refuses what is not a CCCD code with a named reason', () => {
    expect(parseCccdQr('https://example.vn')).toEqual({ ok: false, error: 'qr-format' });
    expect(parseCccdQr('')).toEqual({ ok: false, error: 'qr-format' });
    expect(parseCccdQr(42)).toEqual({ ok: false, error: 'qr-format' });
    expect(parseCccdQr(QR + '|extra')).toEqual({ ok: false, error: 'qr-format' });
    expect(parseCccdQr(QR.replace('Nữ', 'Khác'))).toEqual({ ok: false, error: 'qr-format' });
    expect(parseCccdQr(QR.replace('123456789', '12345'))).toEqual({ ok: false, error: 'qr-format' });
    expect(parseCccdQr('x'.repeat(5000))).toEqual({ ok: false, error: 'qr-format' });
  });

  it('refuses bad dates and numbers whose digits disagree with the sex or birth year', () => {
    expect(parseCccdQr(QR.replace('12051990', '31021990'))).toEqual({ ok: false, error: 'qr-date' });
    expect(parseCccdQr(QR.replace('15082021', '2021-08-15'))).toEqual({ ok: false, error: 'qr-date' });
    expect(parseCccdQr(QR.replace('15082021', '01011980'))).toEqual({ ok: false, error: 'qr-date' });
    expect(parseCccdQr(QR.replace('Nữ', 'Nam'))).toEqual({ ok: false, error: 'qr-cccd' });
    expect(parseCccdQr(QR.replace('12051990', '12051991'))).toEqual({ ok: false, error: 'qr-cccd' });
    expect(parseCccdQr(QR.replace('038190012345', '03819001234'))).toEqual({ ok: false, error: 'qr-cccd' });
  });
});

describe('QR messages', () => {
  it('exist in both languages for every reason a code is refused', () => {
    for (const code of ['qr-format', 'qr-cccd', 'qr-date'] as const) {
      expect(vi.errors[code]).toMatch(/\S/);
      expect(en.errors[code]).toMatch(/\S/);
    }
  });
});

describe('qrToAnswers', () => {
  it('fills name, birth date, sex, CCCD and address by the form’s qrMap', () => {
    const ct01 = findForm('tam-tru-ct01', 2) as FormDefinition;
    expect(qrToAnswers(ct01, DATA, ADMIN_UNITS)).toEqual({
      fullName: 'Nguyễn Thị Hoa',
      birthDate: '1990-05-12',
      sex: 'female',
      cccd: '038190012345',
      currentAddress: {
        provinceCode: '38',
        provinceName: 'Tỉnh Thanh Hoá',
        communeCode: '15865',
        communeName: 'Xã Hoằng Hoá',
        detail: 'Thôn 3',
        unitsVersion: '2026-07-25',
      },
    });
  });

  it('puts the address as free text without the units list, and as text in a text field', () => {
    const ct01 = findForm('tam-tru-ct01', 2) as FormDefinition;
    expect(qrToAnswers(ct01, DATA).currentAddress).toEqual({ detail: '', freeText: DATA.address });
    const v1 = findForm('tam-tru-ct01', 1) as FormDefinition;
    expect(qrToAnswers({ ...v1, qrMap: { address: 'currentAddress', sex: 'phone' } }, DATA)).toEqual({ currentAddress: DATA.address });
  });

  it('fills the person filing on forms about someone else', () => {
    expect(qrToAnswers(findForm('khai-sinh') as FormDefinition, DATA)).toEqual({
      requesterName: 'Nguyễn Thị Hoa',
      requesterCccd: '038190012345',
    });
  });
});
