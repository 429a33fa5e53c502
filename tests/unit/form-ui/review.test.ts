import { describe, expect, it } from 'vitest';
import type { Answers, GroupField } from '../../../src/domain/form-schema';
import { normalizeAnswers } from '../../../src/domain/validate';
import { findForm } from '../../../src/content/forms';
import { ADMIN_UNITS } from '../../../src/content/admin-units/bundled';
import { addressText, formatAnswer, type AnswerWords } from '../../../src/app/components/form/format-answer';
import { describePath, itemTitleOf } from '../../../src/app/components/form/path-labels';
import { attachmentRows, reviewRows, type ReviewRow } from '../../../src/app/components/form/review-rows';

const WORDS: AnswerWords = { yes: 'Có', no: 'Không', years: (n) => `${n} tuổi`, files: (n) => `${n} tệp` };
const TODAY = { year: 2026, month: 11, day: 28 };
const itemTitle = (group: GroupField, index: number) =>
  itemTitleOf(group, index, 'vi', (label, n) => (label ? `${label} thứ ${n}` : `Mục thứ ${n}`));

const CT01 = findForm('tam-tru-ct01', 2)!;
const COPY = findForm('chung-thuc-ban-sao', 1)!;

function answerOf(rows: readonly ReviewRow[], path: string): string | undefined {
  for (const row of rows) {
    if (row.type === 'answer' && row.path === path) return row.value;
    if (row.type === 'group')
      for (const item of row.items) {
        const found = answerOf(item.rows, path);
        if (found !== undefined) return found;
      }
  }
  return undefined;
}

describe('review rows', () => {
  const answers: Answers = {
    fullName: 'Nguyễn Thị Hoa',
    birthDate: '1990-05-12',
    sex: 'female',
    currentAddress: { provinceCode: '38', communeCode: '15865', detail: 'Thôn 3', provinceName: 'x', communeName: 'y' },
    joinsHousehold: false,
    headName: 'hidden: not shown',
    movingTogether: true,
    members: [{ fullName: 'Trần Văn An', sex: 'male', birthDate: '2015-01-02' }, { fullName: 'Trần Thị Bé' }],
  };
  const tidy = normalizeAnswers(CT01, answers, { today: TODAY, units: ADMIN_UNITS });
  const rows = reviewRows({ form: CT01, answers, tidy, lang: 'vi', words: WORDS, itemTitle });

  it('formats answers as people read them', () => {
    expect(answerOf(rows, 'birthDate')).toBe('12/05/1990');
    expect(answerOf(rows, 'sex')).toBe('Nữ');
    expect(answerOf(rows, 'joinsHousehold')).toBe('Không');
    // Names come from the units list, not from what was stored.
    expect(answerOf(rows, 'currentAddress')).toBe('Thôn 3, Xã Hoằng Hoá, Tỉnh Thanh Hoá');
    expect(answerOf(rows, 'phone')).toBeUndefined();
  });

  it('lists group items one by one, with the computed count', () => {
    const group = rows.find((r) => r.path === 'members');
    expect(group?.type).toBe('group');
    if (group?.type !== 'group') return;
    expect(group.items.map((i) => i.title)).toEqual(['Người cùng thay đổi thứ 1', 'Người cùng thay đổi thứ 2']);
    expect(answerOf(rows, 'members[0].sex')).toBe('Nam');
    expect(answerOf(rows, 'members[1].fullName')).toBe('Trần Thị Bé');
    expect(answerOf(rows, 'memberCount')).toBe('2');
  });

  it('leaves out hidden fields and counts attachments', () => {
    expect(rows.some((r) => r.path === 'headName')).toBe(false);
    expect(attachmentRows(rows).map((r) => [r.path, r.value])).toEqual([['lawfulHomeProof', '0 tệp']]);
  });

  it('shows computed money in đồng, per item and in total', () => {
    const copy: Answers = {
      documents: [
        { documentType: 'cccd', pages: 1, copies: 2 },
        { documentType: 'diploma', pages: 4, copies: 1 },
      ],
    };
    const tidyCopy = normalizeAnswers(COPY, copy, { today: TODAY });
    const copyRows = reviewRows({ form: COPY, answers: copy, tidy: tidyCopy, lang: 'vi', words: WORDS, itemTitle });
    expect(answerOf(copyRows, 'documents[0].fee')).toBe('4.000\u00a0đ');
    expect(answerOf(copyRows, 'documents[1].fee')).toBe('6.000\u00a0đ');
    expect(answerOf(copyRows, 'totalFee')).toBe('10.000\u00a0đ');
  });
});

describe('answer text', () => {
  it('writes addresses picked, typed, or both', () => {
    expect(addressText({ detail: 'Số 5', communeCode: '00004', communeName: 'Phường Ba Đình', provinceName: 'Thành phố Hà Nội' })).toBe(
      'Số 5, Phường Ba Đình, Thành phố Hà Nội',
    );
    expect(addressText({ detail: '', freeText: 'Thôn 3, Huyện Cũ, Tỉnh Cũ' })).toBe('Thôn 3, Huyện Cũ, Tỉnh Cũ');
    expect(addressText(undefined)).toBe('');
  });

  it('names choices by their label in the language shown', () => {
    const sex = CT01.fields.find((f) => f.id === 'sex')!;
    expect(formatAnswer(sex, 'male', 'en', WORDS)).toBe('Male');
    expect(formatAnswer(sex, undefined, 'en', WORDS)).toBeUndefined();
  });
});

describe('field paths in words', () => {
  it('names nested fields by item', () => {
    expect(describePath(CT01, 'members[1].sex', 'vi', itemTitle)).toBe('Người cùng thay đổi thứ 2 – Giới tính');
    expect(describePath(CT01, 'members', 'vi', itemTitle)).toBe('Những người cùng thay đổi nơi cư trú');
    expect(describePath(CT01, 'currentAddress.detail', 'en', itemTitle)).toBe('Current address');
    expect(describePath(CT01, 'salary', 'vi', itemTitle)).toBe('salary');
    expect(describePath(CT01, '', 'vi', itemTitle)).toBe('Đăng ký tạm trú (Tờ khai CT01)');
  });

  it('uses the form’s own item pattern when it has one', () => {
    const group = { ...(CT01.fields.find((f) => f.id === 'members') as GroupField), itemLabel: { vi: 'Người thứ {n}', en: 'Person {n}' } };
    expect(itemTitleOf(group, 1, 'vi', () => 'fallback')).toBe('Người thứ 2');
  });
});
