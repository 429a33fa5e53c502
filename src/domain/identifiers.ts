/**
 * CCCD (citizen identity card) and mobile number checks. A CCCD has 12 digits: the province of
 * birth registration (3), a digit for sex and century (0/1 = male/female born 1900–1999, 2/3 for
 * 2000–2099, …), the last two digits of the birth year, then 6 random digits. For a birth
 * registered abroad the first three digits are the code of that country instead, so a code that
 * is not one of the provinces is read as a country code (ISO 3166-1 numeric range 001–899), not
 * refused; only 000 and 900–999, which name neither, are.
 */

export type Sex = 'male' | 'female';

export type CccdError = 'cccd-format' | 'cccd-province' | 'cccd-sex' | 'cccd-year';

/** Province codes of birth registration: the 63 pre-2025 codes stay valid on issued cards. */
const PROVINCE_CODES = new Set([
  '001',
  '002',
  '004',
  '006',
  '008',
  '010',
  '011',
  '012',
  '014',
  '015',
  '017',
  '019',
  '020',
  '022',
  '024',
  '025',
  '026',
  '027',
  '030',
  '031',
  '033',
  '034',
  '035',
  '036',
  '037',
  '038',
  '040',
  '042',
  '044',
  '045',
  '046',
  '048',
  '049',
  '051',
  '052',
  '054',
  '056',
  '058',
  '060',
  '062',
  '064',
  '066',
  '067',
  '068',
  '070',
  '072',
  '074',
  '075',
  '077',
  '079',
  '080',
  '082',
  '083',
  '084',
  '086',
  '087',
  '089',
  '091',
  '092',
  '093',
  '094',
  '095',
  '096',
]);

const CCCD = /^\d{12}$/;

export interface CccdFacts {
  /** The province code, or the country code when `registeredAbroad`. */
  provinceCode: string;
  sex: Sex;
  birthYear: number;
  /** The first three digits are not a province: the birth was registered abroad. */
  registeredAbroad?: true;
}

/** Reads the province, sex and birth year encoded in a 12-digit CCCD, or names what is wrong. */
export function decodeCccd(value: string): CccdFacts | CccdError {
  if (!CCCD.test(value)) return 'cccd-format';
  const provinceCode = value.slice(0, 3);
  const abroad = !PROVINCE_CODES.has(provinceCode);
  if (abroad && (provinceCode === '000' || Number(provinceCode) >= 900)) return 'cccd-province';
  const genderCentury = Number(value[3]);
  if (genderCentury > 5) return 'cccd-format';
  const century = 1900 + Math.floor(genderCentury / 2) * 100;
  const sex: Sex = genderCentury % 2 === 0 ? 'male' : 'female';
  return { provinceCode, sex, birthYear: century + Number(value.slice(4, 6)), ...(abroad ? { registeredAbroad: true as const } : {}) };
}

/**
 * Checks a CCCD on its own and, when known, against the sex and birth year on the form:
 * digits 4–6 must agree with them.
 */
export function checkCccd(value: string, expected: { sex?: Sex | undefined; birthYear?: number | undefined } = {}): CccdError | null {
  const facts = decodeCccd(value);
  if (typeof facts === 'string') return facts;
  if (expected.sex && facts.sex !== expected.sex) return 'cccd-sex';
  if (expected.birthYear !== undefined && facts.birthYear !== expected.birthYear) return 'cccd-year';
  return null;
}

const MOBILE = /^(\+84|84|0)(3[2-9]|5[25689]|7[06-9]|8[1-9]|9[0-46-9])\d{7}$/;

/** Strips the spaces, dots and dashes people type inside phone numbers. */
export function compactPhone(value: string): string {
  return value.replace(/[\s.\-()]/g, '');
}

/** Vietnamese mobile numbers; carriers are never inferred (numbers are ported). */
export function isMobileNumber(value: string): boolean {
  return MOBILE.test(compactPhone(value));
}
