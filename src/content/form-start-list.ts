/**
 * The forms offered for a new draft, by id, latest version and title: what the home screen's
 * first paint shows, without the form definitions (those load when a form opens). Kept equal to
 * FORMS in forms/index.ts by tests/unit/content/start-list.test.ts: a new form or version goes in both.
 */
import type { Localized } from '../domain/localized';

export interface FormStart {
  id: string;
  version: number;
  title: Localized;
}

export const FORM_START_LIST: readonly FormStart[] = [
  { id: 'tam-tru-ct01', version: 3, title: { vi: 'Đăng ký tạm trú (Tờ khai CT01)', en: 'Temporary residence registration (form CT01)' } },
  {
    id: 'thuong-tru-ct01',
    version: 2,
    title: { vi: 'Đăng ký thường trú (Tờ khai CT01)', en: 'Permanent residence registration (form CT01)' },
  },
  { id: 'khai-sinh', version: 2, title: { vi: 'Đăng ký khai sinh (Tờ khai)', en: 'Birth registration (declaration)' } },
  { id: 'khai-tu', version: 2, title: { vi: 'Đăng ký khai tử (Tờ khai)', en: 'Death registration (declaration)' } },
  { id: 'ket-hon', version: 2, title: { vi: 'Đăng ký kết hôn (Tờ khai)', en: 'Marriage registration (declaration)' } },
  {
    id: 'xac-nhan-hon-nhan',
    version: 1,
    title: { vi: 'Xác nhận tình trạng hôn nhân (Tờ khai)', en: 'Certificate of marital status (application)' },
  },
  { id: 'chung-thuc-ban-sao', version: 1, title: { vi: 'Chứng thực bản sao từ bản chính', en: 'Certified copy from the original' } },
  { id: 'tro-cap-xa-hoi', version: 2, title: { vi: 'Trợ cấp xã hội hằng tháng (Tờ khai)', en: 'Monthly social allowance (application)' } },
  { id: 'tro-cap-huu-tri-xa-hoi', version: 1, title: { vi: 'Trợ cấp hưu trí xã hội (Tờ khai)', en: 'Social pension (application)' } },
];
