/**
 * Abbreviations people type in the search box, folded (no diacritics, lowercase). The search
 * tries both the word as typed and its expansion, so a keyword "cccd" still matches itself.
 */
export const SEARCH_SYNONYMS: Readonly<Record<string, string>> = {
  dk: 'dang ky',
  dky: 'dang ky',
  gks: 'giay khai sinh',
  ks: 'khai sinh',
  dkks: 'dang ky khai sinh',
  dkkh: 'dang ky ket hon',
  cccd: 'can cuoc',
  cmnd: 'can cuoc',
  xn: 'xac nhan',
  tthn: 'tinh trang hon nhan',
  hk: 'ho khau',
  khaisinh: 'khai sinh',
  khaitu: 'khai tu',
  kethon: 'ket hon',
  tamtru: 'tam tru',
  thuongtru: 'thuong tru',
  chungthuc: 'chung thuc',
  trocap: 'tro cap',
};
