/**
 * Yêu cầu chứng thực bản sao từ bản chính, procedure 2.000815: which papers, how many pages and
 * copies each, and the fee the office will ask, worked out by the per-page rule of Thông tư
 * 226/2016/TT-BTC (2.000 đ/page, from page 3 1.000 đ/page, at most 200.000 đ per copy). The fee
 * is a computed value: the phone shows it, the server recomputes it, nobody types it. It reads the
 * catalogue's own fee data (with any validity period), so the form and the procedure page agree.
 * source: Nghị định 23/2015/NĐ-CP; Thông tư 226/2016/TT-BTC; verifiedOn: 2026-12-01.
 */
import type { FormDefinition } from '../../domain/form-schema';
import { CERTIFIED_COPY_FEE } from '../catalog/chung-thuc';
import { PHOTO_OR_PDF, REQUESTER_FIELDS } from './common';

export const CHUNG_THUC_BAN_SAO: FormDefinition = {
  id: 'chung-thuc-ban-sao',
  version: 1,
  procedureCode: '2.000815',
  title: { vi: 'Chứng thực bản sao từ bản chính', en: 'Certified copy from the original' },
  fields: [
    ...REQUESTER_FIELDS,
    {
      id: 'documents',
      kind: 'group',
      required: true,
      minItems: 1,
      maxItems: 20,
      itemLabel: { vi: 'Giấy tờ cần sao', en: 'Paper to copy' },
      label: { vi: 'Các giấy tờ cần chứng thực bản sao', en: 'Papers to certify copies of' },
      fields: [
        {
          id: 'documentType',
          kind: 'choice',
          required: true,
          label: { vi: 'Loại giấy tờ', en: 'Kind of paper' },
          options: [
            { value: 'cccd', label: { vi: 'Thẻ căn cước, CCCD', en: 'ID card (CCCD)' } },
            { value: 'birth-certificate', label: { vi: 'Giấy khai sinh', en: 'Birth certificate' } },
            { value: 'diploma', label: { vi: 'Bằng tốt nghiệp, học bạ, chứng chỉ', en: 'Diploma, school record or certificate' } },
            { value: 'land-certificate', label: { vi: 'Giấy chứng nhận quyền sử dụng đất (sổ đỏ)', en: 'Land use right certificate' } },
            { value: 'marriage-certificate', label: { vi: 'Giấy chứng nhận kết hôn', en: 'Marriage certificate' } },
            { value: 'other', label: { vi: 'Giấy tờ khác', en: 'Another paper' } },
          ],
        },
        {
          id: 'documentName',
          isName: true,
          kind: 'text',
          required: true,
          maxLength: 200,
          showIf: { field: 'documentType', equals: 'other' },
          label: { vi: 'Tên giấy tờ', en: 'Name of the paper' },
        },
        {
          id: 'pages',
          kind: 'number',
          required: true,
          integer: true,
          min: 1,
          max: 500,
          label: { vi: 'Số trang của bản chính', en: 'Pages of the original' },
        },
        {
          id: 'copies',
          kind: 'number',
          required: true,
          integer: true,
          min: 1,
          max: 100,
          label: { vi: 'Số bản sao cần chứng thực', en: 'Number of certified copies' },
        },
        {
          id: 'fee',
          kind: 'computed',
          compute: 'copy-fee',
          args: { pages: 'pages', copies: 'copies' },
          params: { channel: 'inPerson' },
          fee: CERTIFIED_COPY_FEE,
          unit: 'vnd',
          label: { vi: 'Phí cho giấy tờ này', en: 'Fee for this paper' },
        },
      ],
    },
    {
      id: 'totalFee',
      kind: 'computed',
      compute: 'sum-of-items',
      args: { items: 'documents' },
      params: { itemField: 'fee' },
      unit: 'vnd',
      label: { vi: 'Tổng phí chứng thực', en: 'Total certification fee' },
    },
    {
      id: 'resultForm',
      kind: 'choice',
      required: true,
      label: { vi: 'Nhận bản sao', en: 'Receive the copies' },
      options: [
        { value: 'paper', label: { vi: 'Bản giấy, nhận tại bộ phận một cửa', en: 'On paper, at the one-stop shop' } },
        { value: 'electronic', label: { vi: 'Bản điện tử, qua tài khoản định danh', en: 'Electronic, in your online account' } },
      ],
    },
    {
      id: 'originalPhotos',
      kind: 'attachment',
      accept: PHOTO_OR_PDF,
      maxFiles: 10,
      required: true,
      showIf: { field: 'resultForm', equals: 'electronic' },
      label: { vi: 'Ảnh chụp bản chính', en: 'Photos of the originals' },
      hint: {
        vi: 'Vẫn mang bản chính đến đối chiếu khi nhận kết quả',
        en: 'Still bring the originals to be compared when you collect the result',
      },
    },
  ],
  qrMap: { fullName: 'requesterName', cccd: 'requesterCccd' },
};
