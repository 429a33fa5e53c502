/** Money as Vietnamese receipts show it, and fee rules in words. */
import type { FeeRule, FeeUnit } from './catalog';
import { type Lang, type Localized, pick } from './localized';

/** No-break space: "15.000" and "đ" must never be split across lines on a narrow phone. */
export const NBSP = '\u00a0';

/** 15000 → "15.000 đ" (vi-VN grouping with "."). Rounds to whole đồng; "—" when not a number. */
export function formatVnd(amount: number): string {
  if (!Number.isFinite(amount)) return '—';
  const whole = Math.round(amount);
  if (!Number.isSafeInteger(whole)) return '—';
  const digits = String(Math.abs(whole)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${whole < 0 ? '-' : ''}${digits}${NBSP}đ`;
}

const PER: Record<FeeUnit, Localized> = {
  case: { vi: 'trường hợp', en: 'case' },
  contract: { vi: 'hợp đồng, giao dịch', en: 'contract or transaction' },
  copy: { vi: 'bản', en: 'copy' },
  person: { vi: 'người', en: 'person' },
};

/** The fee rule in both languages, for a card or a receipt line. */
export function feeText(rule: FeeRule): Localized {
  switch (rule.kind) {
    case 'free':
      return { vi: 'Miễn phí', en: 'Free' };
    case 'fixed': {
      const amount = formatVnd(rule.amountVnd);
      if (!rule.per) return { vi: amount, en: amount };
      return { vi: `${amount}/${PER[rule.per].vi}`, en: `${amount} per ${PER[rule.per].en}` };
    }
    case 'set-by-province':
      return {
        vi: 'Theo mức do Hội đồng nhân dân tỉnh quy định',
        en: 'Amount set by the provincial People’s Council',
      };
    case 'per-page': {
      const first = formatVnd(rule.firstPageVnd);
      const later = formatVnd(rule.laterPageVnd);
      const max = formatVnd(rule.maxPerCopyVnd);
      const next = rule.firstPages + 1;
      return {
        vi: `${first}/trang cho ${rule.firstPages} trang đầu; từ trang ${next}: ${later}/trang; tối đa ${max}/bản`,
        en: `${first} per page for the first ${rule.firstPages} pages; from page ${next}: ${later} per page; at most ${max} per copy`,
      };
    }
    case 'text':
      return rule.text;
    case 'unavailable':
      return { vi: 'Không làm trực tuyến được', en: 'Not available online' };
  }
}

/** The fee rule in one language, e.g. "Miễn phí" / "Free". */
export function describeFee(rule: FeeRule, lang: Lang): string {
  return pick(feeText(rule), lang);
}

/**
 * What the applicant pays in đồng, when the rule says it exactly (for a payment QR); null when
 * the amount depends on the province or is described in words.
 */
export function feeAmountVnd(rule: FeeRule, pages = 1): number | null {
  switch (rule.kind) {
    case 'free':
      return 0;
    case 'fixed':
      return rule.amountVnd;
    case 'per-page': {
      const n = Number.isFinite(pages) ? Math.max(1, Math.floor(pages)) : 1;
      const first = Math.min(n, rule.firstPages) * rule.firstPageVnd;
      const later = Math.max(0, n - rule.firstPages) * rule.laterPageVnd;
      return Math.min(first + later, rule.maxPerCopyVnd);
    }
    default:
      return null;
  }
}
