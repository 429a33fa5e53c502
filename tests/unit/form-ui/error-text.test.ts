import { describe, expect, it } from 'vitest';
import type { FormDefinition } from '../../../src/domain/form-schema';
import { KHAI_SINH } from '../../../src/content/forms/khai-sinh';
import { KET_HON } from '../../../src/content/forms/ket-hon';
import { errorText } from '../../../src/app/components/form/error-text';
import { formatAnswer, type AnswerWords } from '../../../src/app/components/form/format-answer';
import { vi } from '../../../src/i18n/locales/vi';

/** A tiny `t` over the Vietnamese locale, so the test reads the words the resident reads. */
function t(key: string, options: { later?: string; earlier?: string }): string {
  let node: unknown = vi;
  for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
  if (typeof node !== 'string') throw new Error(`no text for ${key}`);
  return node.replace(/\{\{(\w+)\}\}/g, (_, name: 'later' | 'earlier') => String(options[name]));
}

const GROUPED: FormDefinition = {
  ...KHAI_SINH,
  fields: [
    {
      id: 'members',
      kind: 'group',
      maxItems: 5,
      label: { vi: 'Người đi cùng', en: 'Companions' },
      fields: [
        {
          id: 'sex',
          kind: 'choice',
          required: true,
          options: [{ value: 'male', label: { vi: 'Nam', en: 'Male' } }],
          label: { vi: 'Giới tính', en: 'Sex' },
        },
        { id: 'from', kind: 'date', label: { vi: 'Từ ngày', en: 'From' } },
        { id: 'to', kind: 'date', label: { vi: 'Đến ngày', en: 'Until' } },
      ],
      rules: [{ kind: 'date-order', before: 'from', after: 'to' }],
    },
  ],
  rules: [],
};

describe('error text chosen with the field in view', () => {
  it('asks to choose on a choice, to tick on a box, to add a photo on an attachment, to fill elsewhere', () => {
    expect(errorText(KHAI_SINH, 'childSex', 'required', 'vi', t)).toBe('Vui lòng chọn một mục.');
    expect(errorText(KHAI_SINH, 'birthProof', 'required', 'vi', t)).toBe('Vui lòng chụp hoặc chọn ảnh giấy tờ này.');
    expect(errorText(KHAI_SINH, 'childBirthDate', 'required', 'vi', t)).toBe('Vui lòng điền mục này.');
    expect(errorText(KHAI_SINH, 'nowhere', 'required', 'vi', t)).toBe('Vui lòng điền mục này.');
    const box: FormDefinition = {
      ...KHAI_SINH,
      fields: [{ id: 'agree', kind: 'yesno', required: true, label: { vi: 'Đồng ý', en: 'Agree' } }],
    };
    expect(errorText(box, 'agree', 'required', 'vi', t)).toBe('Vui lòng đánh dấu vào ô này.');
  });

  it('names both dates of a date-order problem, at the top and inside a group item', () => {
    expect(errorText(KHAI_SINH, 'childBirthDate', 'date-order', 'vi', t)).toBe(
      '“Ngày, tháng, năm sinh của trẻ” không thể sớm hơn “Ngày sinh của mẹ”. Vui lòng kiểm tra lại hai ngày này.',
    );
    expect(errorText(GROUPED, 'members[1].to', 'date-order', 'vi', t)).toBe(
      '“Đến ngày” không thể sớm hơn “Từ ngày”. Vui lòng kiểm tra lại hai ngày này.',
    );
    expect(errorText(GROUPED, 'members[0].sex', 'required', 'vi', t)).toBe('Vui lòng chọn một mục.');
  });

  it('on a CCCD whose sex is known from the role (the bride), names that person, not a chosen sex', () => {
    expect(errorText(KET_HON, 'brideCccd', 'cccd-sex', 'vi', t)).toBe(
      'Số thứ 4 của CCCD là của nam giới, không phải của người nữ khai ở mục này.',
    );
    expect(errorText(KET_HON, 'groomCccd', 'cccd-sex', 'vi', t)).toBe(
      'Số thứ 4 của CCCD là của nữ giới, không phải của người nam khai ở mục này.',
    );
    const chosen: FormDefinition = { ...KHAI_SINH, rules: [{ kind: 'cccd-matches', cccd: 'motherCccd', sex: 'childSex' }] };
    expect(errorText(chosen, 'motherCccd', 'cccd-sex', 'vi', t)).toBe('Số thứ 4 của CCCD không khớp với giới tính đã chọn.');
  });

  it('reads an unticked box as "Không" on review', () => {
    const words: AnswerWords = { yes: 'Có', no: 'Không', years: (n) => `${n} tuổi`, files: (n) => `${n} tệp` };
    const fatherKnown = KHAI_SINH.fields.find((f) => f.id === 'fatherKnown')!;
    expect(formatAnswer(fatherKnown, undefined, 'vi', words)).toBe('Không');
    expect(formatAnswer(fatherKnown, true, 'vi', words)).toBe('Có');
  });
});
