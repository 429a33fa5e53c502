import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { NBSP, describeFee, feeAmountVnd, feeText, formatVnd } from '../../../src/domain/money';
import type { FeeRule } from '../../../src/domain/catalog';

const COPY_RULE: FeeRule = { kind: 'per-page', firstPages: 2, firstPageVnd: 2000, laterPageVnd: 1000, maxPerCopyVnd: 200000 };

describe('formatVnd', () => {
  it('groups thousands with dots and ends in a no-break space and đ', () => {
    expect(formatVnd(15000)).toBe('15.000\u00a0đ');
    expect(formatVnd(7000)).toBe('7.000\u00a0đ');
    expect(formatVnd(200000)).toBe('200.000\u00a0đ');
    expect(formatVnd(1234567)).toBe('1.234.567\u00a0đ');
    expect(formatVnd(999)).toBe('999\u00a0đ');
    expect(formatVnd(0)).toBe('0\u00a0đ');
  });

  it('never contains a breakable space', () => {
    expect(NBSP).toBe('\u00a0');
    expect(formatVnd(15000)).not.toMatch(/ /);
    expect(formatVnd(15000).endsWith(`${NBSP}đ`)).toBe(true);
  });

  it('rounds to whole đồng and keeps the sign', () => {
    expect(formatVnd(1500.6)).toBe('1.501\u00a0đ');
    expect(formatVnd(-20000)).toBe('-20.000\u00a0đ');
  });

  it('shows a dash for values that are not amounts', () => {
    expect(formatVnd(Number.NaN)).toBe('—');
    expect(formatVnd(Number.POSITIVE_INFINITY)).toBe('—');
    expect(formatVnd(1e20)).toBe('—');
  });

  it('keeps every digit of any whole amount (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000_000 }), (n) => {
        const shown = formatVnd(n);
        expect(shown.slice(0, -2).replaceAll('.', '')).toBe(String(n));
        expect(shown).toMatch(/^\d{1,3}(\.\d{3})*\u00a0đ$/);
      }),
    );
  });
});

describe('describeFee', () => {
  it('names each kind of rule in both languages', () => {
    expect(describeFee({ kind: 'free' }, 'vi')).toBe('Miễn phí');
    expect(describeFee({ kind: 'free' }, 'en')).toBe('Free');
    expect(describeFee({ kind: 'fixed', amountVnd: 15000 }, 'vi')).toBe('15.000\u00a0đ');
    expect(describeFee({ kind: 'fixed', amountVnd: 10000, per: 'case' }, 'vi')).toBe('10.000\u00a0đ/trường hợp');
    expect(describeFee({ kind: 'fixed', amountVnd: 10000, per: 'case' }, 'en')).toBe('10.000\u00a0đ per case');
    expect(describeFee({ kind: 'set-by-province' }, 'vi')).toContain('Hội đồng nhân dân tỉnh');
    expect(describeFee({ kind: 'unavailable' }, 'en')).toBe('Not available online');
    expect(describeFee({ kind: 'text', text: { vi: 'Tùy trường hợp', en: 'Depends' } }, 'en')).toBe('Depends');
  });

  it('spells out the per-page rule of certified copies', () => {
    expect(describeFee(COPY_RULE, 'vi')).toBe(
      '2.000\u00a0đ/trang cho 2 trang đầu; từ trang 3: 1.000\u00a0đ/trang; tối đa 200.000\u00a0đ/bản',
    );
    expect(feeText(COPY_RULE).en).toContain('at most 200.000\u00a0đ per copy');
  });
});

describe('feeAmountVnd', () => {
  it('computes certified-copy fees page by page up to the ceiling', () => {
    expect(feeAmountVnd(COPY_RULE, 1)).toBe(2000);
    expect(feeAmountVnd(COPY_RULE, 2)).toBe(4000);
    expect(feeAmountVnd(COPY_RULE, 3)).toBe(5000);
    expect(feeAmountVnd(COPY_RULE, 10)).toBe(12000);
    expect(feeAmountVnd(COPY_RULE, 198)).toBe(200000);
    expect(feeAmountVnd(COPY_RULE, 500)).toBe(200000);
  });

  it('treats a nonsense page count as one page', () => {
    expect(feeAmountVnd(COPY_RULE, 0)).toBe(2000);
    expect(feeAmountVnd(COPY_RULE, Number.NaN)).toBe(2000);
  });

  it('gives exact amounts only when the rule fixes one', () => {
    expect(feeAmountVnd({ kind: 'free' })).toBe(0);
    expect(feeAmountVnd({ kind: 'fixed', amountVnd: 7000 })).toBe(7000);
    expect(feeAmountVnd({ kind: 'set-by-province' })).toBeNull();
    expect(feeAmountVnd({ kind: 'unavailable' })).toBeNull();
  });
});
