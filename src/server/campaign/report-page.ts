/**
 * The printable one-page weekly summary for the commune's meeting: the whole commune's figures,
 * a bar chart of households visited against each village's target (plain SVG, black-and-white
 * readable: the value is written beside each bar), and the table of every village. Rendered on
 * the server from the same report as the JSON and CSV; A4 portrait when printed. Every text is
 * HTML-escaped (village names are the admin's input).
 */
import { REPORT_COLUMNS, REPORT_TOTAL_LABEL } from '../../content/campaign-report-columns';
import type { CampaignReport, ReportRow } from '../../domain/campaign-report';
import { isoToVn } from '../../domain/dates';
import { cellOf, type ReportLang } from './report-csv';

const TEXT = {
  vi: {
    title: 'Kết quả tuyên truyền dịch vụ công trực tuyến',
    range: 'Từ {from} đến {to}',
    visited: 'Hộ đã đến',
    ofHouseholds: 'trên {n} hộ',
    vneid: 'Hỗ trợ kích hoạt VNeID',
    app: 'Hộ cài ứng dụng',
    online: 'Hồ sơ trực tuyến nhận được',
    chart: 'Hộ đã đến so với chỉ tiêu, theo thôn',
    chartNote: 'Thanh đậm: hộ đã đến; khung: chỉ tiêu (hoặc số hộ khi chưa đặt chỉ tiêu).',
    table: 'Chi tiết theo thôn',
    none: 'Chưa có thôn nào. Quản trị viên thêm thôn trước.',
  },
  en: {
    title: 'Online public services campaign: results',
    range: 'From {from} to {to}',
    visited: 'Households visited',
    ofHouseholds: 'of {n} households',
    vneid: 'VNeID activations helped',
    app: 'Households with the app',
    online: 'Online dossiers received',
    chart: 'Households visited against the target, by village',
    chartNote: 'Solid bar: households visited; outline: the target (or all households when no target is set).',
    table: 'Detail by village',
    none: 'No villages yet. An admin adds them first.',
  },
} as const;

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function chart(rows: readonly ReportRow[]): string {
  const width = 640;
  const label = 170;
  const bar = 22;
  const gap = 10;
  const height = rows.length * (bar + gap) + gap;
  const scaleOf = (row: ReportRow) => Math.max(1, row.targetHouseholds || row.households);
  const items = rows.map((row, i) => {
    const y = gap + i * (bar + gap);
    const full = width - label - 90;
    const goal = scaleOf(row);
    const done = Math.min(full, Math.round((row.householdsVisited / goal) * full));
    const text = `${row.householdsVisited}/${goal}`;
    return `<text x="${label - 8}" y="${y + bar * 0.72}" text-anchor="end">${escapeHtml(row.villageName)}</text>
<rect x="${label}" y="${y}" width="${full}" height="${bar}" fill="none" stroke="#333" stroke-width="1"/>
<rect x="${label}" y="${y}" width="${done}" height="${bar}" fill="#0b4f8a"/>
<text x="${label + full + 8}" y="${y + bar * 0.72}">${text}</text>`;
  });
  return `<svg viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-labelledby="chart-title" font-size="14" font-family="inherit">${items.join('\n')}</svg>`;
}

export function reportPage(report: CampaignReport, lang: ReportLang): string {
  const t = TEXT[lang];
  const total = report.total;
  const share = total.visitedShare === null ? '' : ` (${Math.round(total.visitedShare * 100)} %)`;
  const figures = [
    [t.visited, `${total.householdsVisited}${share}`, t.ofHouseholds.replace('{n}', String(total.households))],
    [t.vneid, String(total.vneidHelped), ''],
    [t.app, String(total.appInstalled), ''],
    [t.online, String(total.dossiersOnline), ''],
  ]
    .map(
      ([name, value, sub]) =>
        `<div class="figure"><span>${escapeHtml(name!)}</span><strong>${value}</strong><small>${escapeHtml(sub!)}</small></div>`,
    )
    .join('');
  const head = REPORT_COLUMNS.filter((c) => c.key !== 'period')
    .map((c) => `<th scope="col">${escapeHtml(c[lang])}</th>`)
    .join('');
  const body = [...report.rows, { ...total, villageName: REPORT_TOTAL_LABEL[lang] }]
    .map(
      (row, i) =>
        `<tr${i === report.rows.length ? ' class="total"' : ''}>${REPORT_COLUMNS.filter((c) => c.key !== 'period')
          .map((c) =>
            c.kind === 'text'
              ? `<th scope="row">${escapeHtml(cellOf(row, c.key, c.kind, lang))}</th>`
              : `<td>${cellOf(row, c.key, c.kind, lang)}</td>`,
          )
          .join('')}</tr>`,
    )
    .join('\n');
  const range = t.range.replace('{from}', isoToVn(report.from)).replace('{to}', isoToVn(report.to));
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(t.title)} · ${escapeHtml(range)}</title>
<style>
  body { font-family: system-ui, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: #111; margin: 1.5rem auto; max-width: 60rem; padding: 0 1rem; line-height: 1.4; }
  h1 { font-size: 1.5rem; margin: 0 0 0.25rem; } h2 { font-size: 1.15rem; margin: 1.25rem 0 0.5rem; }
  .figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr)); gap: 0.75rem; margin: 1rem 0; }
  .figure { border: 1px solid #555; border-radius: 6px; padding: 0.5rem 0.75rem; }
  .figure span, .figure small { display: block; } .figure strong { display: block; font-size: 1.8rem; }
  table { border-collapse: collapse; width: 100%; font-size: 0.85rem; }
  th, td { border: 1px solid #777; padding: 0.3rem 0.4rem; text-align: right; } th[scope="row"], thead th:first-child { text-align: left; }
  thead th { background: #e8edf2; vertical-align: bottom; } tr.total { font-weight: 700; background: #f3f3f3; }
  .note { color: #444; font-size: 0.9rem; }
  @media print { @page { size: A4 portrait; margin: 12mm; } body { margin: 0; max-width: none; font-size: 11pt; } thead th { background: none; } }
</style>
</head>
<body>
<h1>${escapeHtml(t.title)}</h1>
<p>${escapeHtml(range)}</p>
<section class="figures">${figures}</section>
${
  report.rows.length === 0
    ? `<p>${escapeHtml(t.none)}</p>`
    : `<h2 id="chart-title">${escapeHtml(t.chart)}</h2>
${chart(report.rows)}
<p class="note">${escapeHtml(t.chartNote)}</p>
<h2>${escapeHtml(t.table)}</h2>
<table><thead><tr>${head}</tr></thead><tbody>
${body}
</tbody></table>`
}
</body>
</html>`;
}
