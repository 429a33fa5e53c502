/**
 * The register (Sổ theo dõi hồ sơ, Mẫu 07 of Thông tư 03/2025/TT-VPCP) as CSV that Excel opens
 * with Vietnamese intact: UTF-8 with a byte-order mark, `;` between fields (what Excel expects
 * where the decimal separator is a comma, as in vi-VN), CRLF line ends, every field quoted.
 * A field starting with = + - @ is prefixed with a quote so Excel never runs it as a formula.
 */
import { applicantOf } from '../../domain/applicant';
import { procedureForForm } from '../../domain/appointment-text';
import type { Catalog } from '../../domain/catalog';
import type { Answers } from '../../domain/form-schema';
import type { DossierStatus } from '../../domain/protocol';
import type { RegisterRow } from './office-repository';

export const REGISTER_HEADER = [
  'STT',
  'Mã hồ sơ',
  'Thủ tục',
  'Người nộp',
  'Địa chỉ',
  'Số điện thoại',
  'Nhận lúc',
  'Tiếp nhận lúc',
  'Cán bộ tiếp nhận',
  'Hẹn trả',
  'Trả kết quả lúc',
  'Trạng thái',
] as const;

const STATUS_VI: Record<DossierStatus, string> = {
  submitted: 'Chờ tiếp nhận',
  received: 'Đã tiếp nhận',
  processing: 'Đang xử lý',
  'supplement-requested': 'Yêu cầu bổ sung',
  refused: 'Từ chối',
  'result-ready': 'Có kết quả',
  returned: 'Đã trả kết quả',
};

/** hh:mm dd/mm/yyyy in Vietnam time. */
export function vnDateTime(ms: number): string {
  const d = new Date(ms + 7 * 3600_000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getUTCHours())}:${two(d.getUTCMinutes())} ${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function registerCsv(rows: readonly RegisterRow[], catalog: Catalog): string {
  const lines = [REGISTER_HEADER.map(cell).join(';')];
  rows.forEach((row, i) => {
    const applicant = applicantOf(JSON.parse(row.answersJson) as Answers);
    const procedure = procedureForForm(catalog, row.formId);
    lines.push(
      [
        String(i + 1),
        row.dossierCode,
        procedure?.name.vi ?? row.formId,
        applicant.name,
        applicant.address,
        applicant.phone,
        vnDateTime(row.receivedAt),
        row.acceptedAt !== undefined ? vnDateTime(row.acceptedAt) : '',
        row.acceptedBy ?? '',
        row.dueAt !== undefined ? vnDateTime(row.dueAt) : '',
        row.returnedAt !== undefined ? vnDateTime(row.returnedAt) : '',
        STATUS_VI[row.status],
      ]
        .map(cell)
        .join(';'),
    );
  });
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
