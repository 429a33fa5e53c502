/**
 * Vietnam's administrative units after 1 July 2025 (province → commune/ward/special zone, no
 * district level). The list is data shipped with its date (src/content/admin-units); this module
 * only looks things up in whatever list it is given. Names are compared folded, never byte for
 * byte: the data writes "Thanh Hoá" where people type "Thanh Hóa".
 */
import { cleanText, foldDiacritics } from './text';
import type { AddressAnswer } from './form-schema';

/** [national commune code, name]: kept as pairs so 3,321 communes stay a small download. */
export type AdminCommune = readonly [code: string, name: string];

export interface AdminProvince {
  code: string;
  name: string;
  communes: readonly AdminCommune[];
}

export interface AdminUnits {
  /** Date of the list (yyyy-mm-dd); addresses remember it as `unitsVersion`. */
  version: string;
  source: string;
  licence: string;
  provinces: readonly AdminProvince[];
}

/** One unit as the address picker and the validator use it. */
export interface UnitMatch {
  provinceCode: string;
  provinceName: string;
  communeCode?: string;
  communeName?: string;
}

export const PROVINCE_CODE = /^\d{2}$/;
export const COMMUNE_CODE = /^\d{5}$/;

interface Index {
  provinces: Map<string, AdminProvince>;
  communes: Map<string, { province: AdminProvince; name: string }>;
  /** Every unit with its folded search text, provinces first. */
  entries: Array<{ match: UnitMatch; folded: string; foldedName: string }>;
}

const INDEXES = new WeakMap<AdminUnits, Index>();

/** "Xã Hoằng Hóa" → "hoang hoa": the kind of unit is not part of what people search for. */
const UNIT_PREFIX = /^(tinh|thanh pho|xa|phuong|dac khu|thi tran)\s+/;

/** Folds a unit name for comparison: no diacritics, no tone placement, no "Xã"/"Tỉnh" prefix. */
export function foldUnitName(name: string): string {
  return foldDiacritics(name).replace(/\s+/g, ' ').trim().replace(UNIT_PREFIX, '');
}

function indexOf(units: AdminUnits): Index {
  const cached = INDEXES.get(units);
  if (cached) return cached;
  const index: Index = { provinces: new Map(), communes: new Map(), entries: [] };
  for (const province of units.provinces) {
    index.provinces.set(province.code, province);
    const provinceFold = foldUnitName(province.name);
    index.entries.push({
      match: { provinceCode: province.code, provinceName: province.name },
      folded: provinceFold,
      foldedName: provinceFold,
    });
  }
  for (const province of units.provinces) {
    const provinceFold = foldUnitName(province.name);
    for (const [code, name] of province.communes) {
      index.communes.set(code, { province, name });
      const foldedName = foldUnitName(name);
      index.entries.push({
        match: { provinceCode: province.code, provinceName: province.name, communeCode: code, communeName: name },
        folded: `${foldDiacritics(name)} ${foldedName} ${provinceFold}`,
        foldedName,
      });
    }
  }
  INDEXES.set(units, index);
  return index;
}

/**
 * The unit with these codes, or undefined when a code does not exist or the commune belongs to
 * another province. Without a commune code, the province alone.
 */
export function findUnit(units: AdminUnits, provinceCode: string, communeCode?: string): UnitMatch | undefined {
  const index = indexOf(units);
  const province = index.provinces.get(provinceCode);
  if (!province) return undefined;
  if (communeCode === undefined) return { provinceCode, provinceName: province.name };
  const commune = index.communes.get(communeCode);
  if (!commune || commune.province !== province) return undefined;
  return { provinceCode, provinceName: province.name, communeCode, communeName: commune.name };
}

/** The commune with this code, with its province. */
export function findCommune(units: AdminUnits, communeCode: string): UnitMatch | undefined {
  const commune = indexOf(units).communes.get(communeCode);
  return commune && findUnit(units, commune.province.code, communeCode);
}

export interface SearchOptions {
  /** Only units of this province. */
  provinceCode?: string | undefined;
  /** At most this many results (default 20). */
  limit?: number;
}

const MAX_QUERY = 100;

/**
 * Units whose name (and province) contain every word typed, without diacritics: "hoang hoa
 * thanh hoa", "Thanh Hoá" and "thanh hóa" all work. Names starting with the query come first.
 */
export function searchUnits(units: AdminUnits, query: string, options: SearchOptions = {}): UnitMatch[] {
  const folded = foldDiacritics(query.slice(0, MAX_QUERY))
    .replace(/[,;.\-–—/]+/g, ' ')
    .trim();
  const words = folded.split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const limit = Math.max(0, Math.min(options.limit ?? 20, 200));
  const phrase = foldUnitName(folded);
  const starts: UnitMatch[] = [];
  const others: UnitMatch[] = [];
  for (const entry of indexOf(units).entries) {
    if (options.provinceCode !== undefined && entry.match.provinceCode !== options.provinceCode) continue;
    if (!words.every((w) => entry.folded.includes(w))) continue;
    (entry.foldedName.startsWith(phrase) ? starts : others).push(entry.match);
    if (starts.length >= limit) break;
  }
  return [...starts, ...others].slice(0, limit);
}

/** "Thanh Hoá" and "Thanh Hóa" (and "Tỉnh Thanh Hóa") name the same unit. */
export function sameUnitName(a: string, b: string): boolean {
  return foldUnitName(a) === foldUnitName(b);
}

/**
 * Reads a written address ("Thôn 3, Xã Hoằng Hoá, Tỉnh Thanh Hoá") into picked units when its last
 * two parts name a commune of a province in the list; otherwise keeps it whole as free text
 * (addresses written before July 2025 still name a district, which no longer exists).
 */
export function addressFromText(text: string, units?: AdminUnits): AddressAnswer {
  const clean = cleanText(text);
  const parts = clean
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const provinceName = parts[parts.length - 1];
  const communeName = parts[parts.length - 2];
  if (units && provinceName !== undefined && communeName !== undefined) {
    const province = units.provinces.find((p) => sameUnitName(p.name, provinceName));
    const commune = province?.communes.find(([, name]) => sameUnitName(name, communeName));
    if (province && commune) {
      return {
        provinceCode: province.code,
        provinceName: province.name,
        communeCode: commune[0],
        communeName: commune[1],
        detail: parts.slice(0, -2).join(', '),
        unitsVersion: units.version,
      };
    }
  }
  return { detail: '', freeText: clean };
}
