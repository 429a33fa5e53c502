import { describe, expect, it } from 'vitest';
import { createSearchIndex, tokenize } from '../../../src/domain/search';
import type { Procedure } from '../../../src/domain/catalog';
import { BUNDLED_CATALOG, SEARCH_SYNONYMS } from '../../../src/content/catalog';

const index = createSearchIndex(BUNDLED_CATALOG.procedures, { synonyms: SEARCH_SYNONYMS });
const slugs = (query: string, filters?: Parameters<typeof index.search>[1]): string[] => index.search(query, filters).map((p) => p.slug);

/** A minimal procedure for ranking tests, so they do not depend on catalogue wording. */
function fixture(slug: string, nameVi: string, extra: { keywords?: string[]; doc?: string } = {}): Procedure {
  return {
    code: null,
    slug,
    name: { vi: nameVi, en: slug },
    handledBy: 'ubnd-xa',
    documents: [{ id: 'd', name: { vi: extra.doc ?? 'Tờ khai', en: 'Form' }, required: true }],
    fee: { inPerson: { kind: 'free' }, online: { kind: 'free' } },
    timeLimit: { amount: 0, unit: 'same-day' },
    resultReturn: ['counter'],
    onlineCategory: 'mot-phan',
    visitsAtCounter: 1,
    visitsOnline: 1,
    legalBasis: ['x'],
    source: 'x',
    verifiedOn: '2026-01-01',
    ...(extra.keywords ? { keywords: extra.keywords } : {}),
  };
}

describe('tokenize', () => {
  it('folds diacritics, đ and case, and keeps codes whole', () => {
    expect(tokenize('Đăng ký TẠM TRÚ')).toEqual(['dang', 'ky', 'tam', 'tru']);
    expect(tokenize('Đăng ký'.normalize('NFD'))).toEqual(['dang', 'ky']);
    expect(tokenize('mã 1.004194, mẫu CT01')).toEqual(['ma', '1.004194', 'mau', 'ct01']);
  });
});

describe('search over the bundled catalogue', () => {
  it('finds without diacritics and with them', () => {
    expect(slugs('dang ky khai sinh')[0]).toBe('dang-ky-khai-sinh');
    expect(slugs('Đăng ký khai sinh')[0]).toBe('dang-ky-khai-sinh');
  });

  it('accepts NFD input from some keyboards', () => {
    expect(slugs('Đăng ký kết hôn'.normalize('NFD'))[0]).toBe('dang-ky-ket-hon');
    expect(slugs('Chứng thực chữ ký'.normalize('NFD'))[0]).toBe('chung-thuc-chu-ky');
  });

  it('treats đ and d alike both ways', () => {
    expect(slugs('dang ky tam tru')[0]).toBe('dang-ky-tam-tru');
    expect(slugs('đang ky tam tru')[0]).toBe('dang-ky-tam-tru');
    expect(slugs('ĐANG KY TAM TRU')[0]).toBe('dang-ky-tam-tru');
  });

  it('matches the start of a word', () => {
    expect(slugs('tam')[0]).toBe('dang-ky-tam-tru');
    expect(slugs('thuo')[0]).toBe('dang-ky-thuong-tru');
    expect(slugs('chu ky')[0]).toBe('chung-thuc-chu-ky');
  });

  it('ignores word order', () => {
    expect(slugs('tru tam dang ky')[0]).toBe('dang-ky-tam-tru');
    expect(slugs('sinh khai')[0]).toBe('dang-ky-khai-sinh');
  });

  it('puts birth registration first for "khai sinh", and never temporary residence ("Tờ khai", "sinh viên")', () => {
    expect(slugs('khai sinh')[0]).toBe('dang-ky-khai-sinh');
    expect(slugs('khai sinh')).not.toContain('dang-ky-tam-tru');
  });

  it('answers the queries people type', () => {
    expect(slugs('dang ky tam tru')).toEqual(['dang-ky-tam-tru']);
    expect(
      slugs('chung thuc')
        .slice(0, 3)
        .every((s) => s.startsWith('chung-thuc')),
    ).toBe(true);
    expect(slugs('nguoi gia').slice(0, 2).sort()).toEqual(['tro-cap-huu-tri-xa-hoi', 'tro-cap-xa-hoi-hang-thang']);
    expect(slugs('nguoi gia')).not.toContain('dang-ky-khai-tu');
    // No commune procedure issues the card: nothing, rather than every procedure that asks for one.
    expect(slugs('lam can cuoc')).toEqual([]);
  });

  it('puts the three certification procedures first for "chung thuc"', () => {
    expect(slugs('chung thuc').slice(0, 3).sort()).toEqual(
      ['chung-thuc-ban-sao-tu-ban-chinh', 'chung-thuc-chu-ky', 'chung-thuc-hop-dong-giao-dich'].sort(),
    );
  });

  it('puts temporary residence first for "dang ky tam tru"', () => {
    const found = slugs('dang ky tam tru');
    expect(found[0]).toBe('dang-ky-tam-tru');
    expect(found).not.toContain('chung-thuc-chu-ky');
  });

  it('expands common abbreviations', () => {
    expect(slugs('dk tam tru')[0]).toBe('dang-ky-tam-tru');
    expect(slugs('dk ket hon')[0]).toBe('dang-ky-ket-hon');
    expect(slugs('gks')[0]).toBe('dang-ky-khai-sinh');
    expect(slugs('tamtru')[0]).toBe('dang-ky-tam-tru');
    expect(slugs('cccd').length).toBeGreaterThan(0);
  });

  it('finds form CT01 and national codes', () => {
    expect(slugs('ct01').sort()).toEqual(['dang-ky-tam-tru', 'dang-ky-thuong-tru', 'xac-nhan-thong-tin-cu-tru'].sort());
    expect(slugs('1.004194')).toEqual(['dang-ky-tam-tru']);
  });

  it('finds by everyday words in keywords and by the English name', () => {
    expect(slugs('o tro')[0]).toBe('dang-ky-tam-tru');
    expect(slugs('birth')[0]).toBe('dang-ky-khai-sinh');
  });

  it('returns nothing when a word matches nowhere', () => {
    expect(slugs('khai sinh xyzzy')).toEqual([]);
  });

  it('returns everything, in Vietnamese order, for an empty query', () => {
    const all = index.search('   ');
    expect(all).toHaveLength(BUNDLED_CATALOG.procedures.length);
    const names = all.map((p) => p.name.vi);
    expect(names).toEqual([...names].sort(new Intl.Collator('vi').compare));
  });

  it('applies filters with and without a query', () => {
    const police = index.search('', { handledBy: 'cong-an-xa' });
    expect(police.map((p) => p.slug).sort()).toEqual(['dang-ky-tam-tru', 'dang-ky-thuong-tru', 'xac-nhan-thong-tin-cu-tru'].sort());
    expect(slugs('dang ky', { handledBy: 'cong-an-xa' })).not.toContain('dang-ky-khai-sinh');
    expect(index.search('', { onlineCategory: 'none' }).every((p) => p.onlineCategory === 'none')).toBe(true);
    expect(slugs('chung thuc chu ky', { onlineCategory: 'toan-trinh' })).toEqual([]);
  });
});

describe('ranking rules', () => {
  it('ranks a name match above a keyword match above a document match', () => {
    const idx = createSearchIndex([
      fixture('in-doc', 'Thủ tục A', { doc: 'Giờ hẹn' }),
      fixture('in-keyword', 'Thủ tục B', { keywords: ['hẹn', 'giờ'] }),
      fixture('in-name', 'Thủ tục hẹn giờ'),
    ]);
    expect(idx.search('hen').map((p) => p.slug)).toEqual(['in-name', 'in-keyword', 'in-doc']);
  });

  it('ranks a whole word above a prefix', () => {
    const idx = createSearchIndex([fixture('prefix', 'Giấy thường'), fixture('whole', 'Giấy thu hồi')]);
    expect(idx.search('thu').map((p) => p.slug)).toEqual(['whole', 'prefix']);
  });

  it('ranks all words in the name above some words elsewhere', () => {
    const idx = createSearchIndex([
      fixture('split', 'Khai báo', { keywords: ['sinh'] }),
      fixture('both', 'Sinh con và khai báo cho trẻ em ở vùng xa'),
    ]);
    expect(idx.search('khai sinh').map((p) => p.slug)).toEqual(['both', 'split']);
  });

  it('lets a phrase beat scattered syllables, and never matches a syllable of another word', () => {
    const idx = createSearchIndex([
      fixture('tam-tru', 'Đăng ký tạm trú', { keywords: ['sinh viên'], doc: 'Tờ khai thay đổi thông tin cư trú' }),
      fixture('khai-sinh', 'Đăng ký khai sinh'),
      fixture('both-in-name', 'Sinh hoạt và khai báo'),
    ]);
    expect(idx.search('khai sinh').map((p) => p.slug)).toEqual(['khai-sinh', 'both-in-name']);
    // Without any phrase match the syllables may be scattered, but not pieced together from papers.
    expect(idx.search('sinh khai').map((p) => p.slug)).not.toContain('tam-tru');
  });

  it('leaves out filler verbs, but not when they are all that was typed', () => {
    const idx = createSearchIndex([fixture('tro-cap', 'Trợ cấp xã hội'), fixture('lam', 'Làm lại giấy tờ')]);
    expect(idx.search('xin tro cap').map((p) => p.slug)).toEqual(['tro-cap']);
    expect(idx.search('lam').map((p) => p.slug)).toEqual(['lam']);
  });

  it('boosts the exact phrase in the name', () => {
    const idx = createSearchIndex([fixture('scattered', 'Sinh hoạt khai báo'), fixture('phrase', 'Khai sinh lưu động')]);
    expect(idx.search('khai sinh').map((p) => p.slug)[0]).toBe('phrase');
  });

  it('puts the shorter name first on a tie', () => {
    const idx = createSearchIndex([fixture('long', 'Đăng ký lại khai sinh'), fixture('short', 'Đăng ký khai sinh')]);
    expect(idx.search('khai sinh').map((p) => p.slug)).toEqual(['short', 'long']);
  });

  it('uses synonyms only when given, and still matches the word as typed', () => {
    const plain = createSearchIndex([fixture('a', 'Đăng ký tạm trú')]);
    expect(plain.search('dk tam tru')).toEqual([]);
    const withKeyword = createSearchIndex([fixture('k', 'Giấy tờ', { keywords: ['CCCD'] })], { synonyms: { cccd: 'can cuoc' } });
    expect(withKeyword.search('cccd').map((p) => p.slug)).toEqual(['k']);
  });
});
