import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addressFromText, findCommune, findUnit, sameUnitName, searchUnits } from '../../../src/domain/admin-units';
import { ADMIN_UNITS } from '../../../src/content/admin-units/bundled';
import { ADMIN_UNITS_VERSION, loadAdminUnits } from '../../../src/content/admin-units';
import { findForm } from '../../../src/content/forms';
import { needsAdminUnits } from '../../../src/domain/validate';
import type { FormDefinition } from '../../../src/domain/form-schema';

const dir = join(import.meta.dirname, '..', '..', '..', 'src', 'content', 'admin-units');

describe('the bundled administrative units', () => {
  it('are the post-2025 list: 34 provinces, 3,321 communes, dated, sourced and licensed', () => {
    expect(ADMIN_UNITS.version).toBe('2026-07-25');
    expect(ADMIN_UNITS_VERSION).toBe(ADMIN_UNITS.version);
    expect(ADMIN_UNITS.licence).toBe('MIT');
    expect(ADMIN_UNITS.source).toMatch(/vietnamese-provinces-database/);
    expect(ADMIN_UNITS.provinces).toHaveLength(34);
    expect(ADMIN_UNITS.provinces.reduce((n, p) => n + p.communes.length, 0)).toBe(3321);
    expect(readFileSync(join(dir, 'LICENSE'), 'utf8')).toMatch(/MIT License/);
  });

  it('have unique, well-formed codes and NFC names', () => {
    const codes = ADMIN_UNITS.provinces.flatMap((p) => p.communes.map(([c]) => c));
    expect(new Set(codes).size).toBe(codes.length);
    for (const p of ADMIN_UNITS.provinces) {
      expect(p.code).toMatch(/^\d{2}$/);
      expect(p.name).toBe(p.name.normalize('NFC'));
      for (const [code, name] of p.communes) {
        expect(code).toMatch(/^\d{5}$/);
        expect(name).toBe(name.normalize('NFC'));
      }
    }
  });

  it('are needed only by forms with an address field', () => {
    expect(needsAdminUnits(findForm('tam-tru-ct01', 2) as FormDefinition)).toBe(true);
    expect(needsAdminUnits(findForm('tam-tru-ct01', 1) as FormDefinition)).toBe(false);
    expect(needsAdminUnits(findForm('chung-thuc-ban-sao') as FormDefinition)).toBe(false);
    expect(
      needsAdminUnits({
        fields: [
          {
            id: 'g',
            kind: 'group',
            maxItems: 1,
            label: { vi: 'a', en: 'b' },
            fields: [{ id: 'a', kind: 'address', label: { vi: 'a', en: 'b' } }],
          },
        ],
      }),
    ).toBe(true);
  });

  it('load through a dynamic import, once, as the same data', async () => {
    const first = await loadAdminUnits();
    expect(await loadAdminUnits()).toBe(first);
    expect(first).toEqual(ADMIN_UNITS);
  });
});

describe('finding units', () => {
  it('finds a commune only in its own province', () => {
    expect(findUnit(ADMIN_UNITS, '01', '00004')).toEqual({
      provinceCode: '01',
      provinceName: 'Thành phố Hà Nội',
      communeCode: '00004',
      communeName: 'Phường Ba Đình',
    });
    expect(findUnit(ADMIN_UNITS, '38', '00004')).toBeUndefined();
    expect(findUnit(ADMIN_UNITS, '99')).toBeUndefined();
    expect(findUnit(ADMIN_UNITS, '38')?.provinceName).toBe('Tỉnh Thanh Hoá');
    expect(findCommune(ADMIN_UNITS, '15865')?.provinceCode).toBe('38');
  });

  it('compares names without caring where the tone mark sits', () => {
    expect(sameUnitName('Thanh Hoá', 'Thanh Hóa')).toBe(true);
    expect(sameUnitName('Tỉnh Thanh Hoá', 'thanh hoa')).toBe(true);
    expect(sameUnitName('Khánh Hoà'.normalize('NFD'), 'Khánh Hòa')).toBe(true);
    expect(sameUnitName('Hà Nội', 'Hà Nam')).toBe(false);
  });
});

describe('searchUnits', () => {
  it('matches without diacritics and with either tone placement', () => {
    for (const q of ['Thanh Hóa', 'Thanh Hoá', 'thanh hoa', 'THANH HOA']) {
      expect(searchUnits(ADMIN_UNITS, q)[0], q).toEqual({ provinceCode: '38', provinceName: 'Tỉnh Thanh Hoá' });
    }
  });

  it('needs every word, across commune and province, and puts names that start with the query first', () => {
    const hits = searchUnits(ADMIN_UNITS, 'hoang hoa thanh hoa');
    expect(hits[0]).toMatchObject({ communeCode: '15865', communeName: 'Xã Hoằng Hoá' });
    expect(searchUnits(ADMIN_UNITS, 'ba dinh')[0]).toMatchObject({ communeCode: '00004' });
    expect(searchUnits(ADMIN_UNITS, 'phường ba đình')[0]).toMatchObject({ communeCode: '00004' });
    expect(searchUnits(ADMIN_UNITS, 'dang ky khai sinh')).toEqual([]);
  });

  it('can stay inside one province and returns at most the limit', () => {
    const inHanoi = searchUnits(ADMIN_UNITS, 'phuong', { provinceCode: '01', limit: 5 });
    expect(inHanoi).toHaveLength(5);
    for (const u of inHanoi) expect(u.provinceCode).toBe('01');
    expect(searchUnits(ADMIN_UNITS, '   ')).toEqual([]);
  });
});

describe('addressFromText', () => {
  it('picks units when the last two parts name a commune of a province', () => {
    expect(addressFromText('Thôn 3, Xã Hoằng Hóa, Tỉnh Thanh Hóa', ADMIN_UNITS)).toEqual({
      provinceCode: '38',
      provinceName: 'Tỉnh Thanh Hoá',
      communeCode: '15865',
      communeName: 'Xã Hoằng Hoá',
      detail: 'Thôn 3',
      unitsVersion: '2026-07-25',
    });
  });

  it('keeps an address with a district (written before July 2025) as free text', () => {
    const old = 'Thôn 3, Xã Hoằng Đạo, Huyện Hoằng Hóa, Tỉnh Thanh Hóa';
    expect(addressFromText(old, ADMIN_UNITS)).toEqual({ detail: '', freeText: old });
    expect(addressFromText('  Thôn 3,  Xã Hoằng Hóa ')).toEqual({ detail: '', freeText: 'Thôn 3, Xã Hoằng Hóa' });
  });
});
