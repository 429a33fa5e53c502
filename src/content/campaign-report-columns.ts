/**
 * The columns of the campaign report as leaders read it (CSV export and the printable page), in
 * order, with their headings in both languages. Changing a heading is a content change only.
 */
import type { ReportRow } from '../domain/campaign-report';

export interface ReportColumn {
  key: keyof ReportRow;
  vi: string;
  en: string;
  /** How the value is written: a count, a share (0–1 as `42 %`) or text. */
  kind: 'text' | 'count' | 'share';
}

export const REPORT_COLUMNS: readonly ReportColumn[] = [
  { key: 'villageName', vi: 'Thôn, tổ dân phố', en: 'Village', kind: 'text' },
  { key: 'period', vi: 'Kỳ', en: 'Period', kind: 'text' },
  { key: 'households', vi: 'Số hộ', en: 'Households', kind: 'count' },
  { key: 'targetHouseholds', vi: 'Chỉ tiêu (hộ)', en: 'Target (households)', kind: 'count' },
  { key: 'householdsVisited', vi: 'Hộ đã đến', en: 'Households visited', kind: 'count' },
  { key: 'visitedShare', vi: 'Tỷ lệ hộ đã đến', en: 'Share visited', kind: 'share' },
  { key: 'targetProgress', vi: 'Đạt chỉ tiêu', en: 'Progress to target', kind: 'share' },
  { key: 'visits', vi: 'Lượt đến hộ', en: 'Visits', kind: 'count' },
  { key: 'vneidHelped', vi: 'Hỗ trợ kích hoạt VNeID', en: 'VNeID activations helped', kind: 'count' },
  { key: 'policeAppointments', vi: 'Hẹn ra công an (mức 2)', en: 'Police appointments (level 2)', kind: 'count' },
  { key: 'appInstalled', vi: 'Cài ứng dụng', en: 'App installed', kind: 'count' },
  { key: 'dossiersAtVisits', vi: 'Hồ sơ nộp khi đến hộ', en: 'Dossiers filed at visits', kind: 'count' },
  { key: 'dossiersOnline', vi: 'Hồ sơ trực tuyến nhận được', en: 'Online dossiers received', kind: 'count' },
];

/** The commune-wide row's name in the village column. */
export const REPORT_TOTAL_LABEL = { vi: 'Toàn xã', en: 'Whole commune' } as const;
