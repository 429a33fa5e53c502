/**
 * The campaign report as CSV that Excel opens with Vietnamese intact: UTF-8 with a byte-order
 * mark (without it Excel on Windows reads the bytes as the ANSI code page), comma separated,
 * CRLF line ends, every text field quoted; shares as whole percentages; periods as dd/mm/yyyy
 * (a week's Monday) or mm/yyyy. A cell starting with =, +, - or @ is prefixed with ' so a
 * village name cannot become a formula.
 */
import { REPORT_COLUMNS, REPORT_TOTAL_LABEL } from '../../content/campaign-report-columns';
import type { CampaignReport, ReportRow } from '../../domain/campaign-report';
import { isoToVn } from '../../domain/dates';

export type ReportLang = 'vi' | 'en';

function quote(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function periodLabel(period: string, lang: ReportLang): string {
  if (period === 'total') return lang === 'vi' ? 'Cả kỳ' : 'Whole range';
  if (/^\d{4}-\d{2}$/.test(period)) return `${period.slice(5, 7)}/${period.slice(0, 4)}`;
  return isoToVn(period);
}

export function cellOf(row: ReportRow, key: keyof ReportRow, kind: 'text' | 'count' | 'share', lang: ReportLang): string {
  const value = row[key];
  if (key === 'period') return periodLabel(String(value), lang);
  if (kind === 'share') return value === null ? '' : `${Math.round(Number(value) * 100)}%`;
  return String(value ?? '');
}

export function reportCsv(report: CampaignReport, lang: ReportLang): string {
  const lines = [REPORT_COLUMNS.map((column) => quote(column[lang])).join(',')];
  const total = { ...report.total, villageName: REPORT_TOTAL_LABEL[lang] };
  for (const row of [...report.rows, total]) {
    lines.push(
      REPORT_COLUMNS.map((column) => {
        const cell = cellOf(row, column.key, column.kind, lang);
        return column.kind === 'text' ? quote(cell) : cell;
      }).join(','),
    );
  }
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
