import { describe, expect, it } from 'vitest';
import { attachmentsOf } from '../../../src/domain/attachment-refs';
import type { Answers, AttachmentRef, FormDefinition } from '../../../src/domain/form-schema';

const label = { vi: 'Trường', en: 'Field' };
const ref = (n: number): AttachmentRef => ({ sha256: String(n).repeat(64).slice(0, 64), name: `${n}.jpg`, type: 'image/jpeg', size: n });

const FORM: FormDefinition = {
  id: 'thu',
  version: 1,
  procedureCode: '0',
  title: label,
  fields: [
    { id: 'name', kind: 'text', label },
    { id: 'proof', kind: 'attachment', maxFiles: 3, label },
    {
      id: 'members',
      kind: 'group',
      maxItems: 5,
      label,
      fields: [
        { id: 'name', kind: 'text', label },
        { id: 'photo', kind: 'attachment', label },
      ],
    },
  ],
};

describe('attachmentsOf', () => {
  it('lists every ref in form order with the field path validate() reports, groups included', () => {
    const answers: Answers = {
      name: 'Hoa',
      proof: [ref(1), ref(2)],
      members: [{ name: 'Nam', photo: [ref(3)] }, { name: 'Lan' } as Answers, { name: 'Khang', photo: [ref(4)] }],
    };
    expect(attachmentsOf(FORM, answers)).toEqual([
      { path: 'proof', ref: ref(1) },
      { path: 'proof', ref: ref(2) },
      { path: 'members[0].photo', ref: ref(3) },
      { path: 'members[2].photo', ref: ref(4) },
    ]);
  });

  it('finds nothing where there are no attachments, and ignores answers of other kinds', () => {
    expect(attachmentsOf(FORM, { name: 'Hoa' })).toEqual([]);
    expect(attachmentsOf(FORM, { name: 'Hoa', members: [] })).toEqual([]);
    expect(attachmentsOf({ fields: [{ id: 'tags', kind: 'multichoice', options: [], label }] }, { tags: ['a'] })).toEqual([]);
  });
});
