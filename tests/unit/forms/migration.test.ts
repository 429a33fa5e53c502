import { describe, expect, it } from 'vitest';
import { migrateAnswers, type FormMigration } from '../../../src/domain/form-migration';
import { FORM_MIGRATIONS, findForm, upgradeDraft } from '../../../src/content/forms';
import type { FormDefinition } from '../../../src/domain/form-schema';
import { VALID } from './fixtures';
import { L, codes, makeForm } from './helpers';

const v1 = findForm('tam-tru-ct01', 1) as FormDefinition;
const v2 = findForm('tam-tru-ct01', 2) as FormDefinition;
const draftV1 = VALID['tam-tru-ct01@1'] as Record<string, string>;

describe('CT01 v1 → v2', () => {
  it('carries every answer: typed addresses become address answers keeping their text', () => {
    const { answers, dropped } = migrateAnswers(v1, v2, draftV1, FORM_MIGRATIONS);
    expect(dropped).toEqual([]);
    expect(answers).toEqual({
      ...draftV1,
      currentAddress: { detail: '', freeText: 'Thôn 3, Xã Hoằng Hóa, Tỉnh Thanh Hóa' },
      temporaryAddress: { detail: '', freeText: 'Số 5 ngõ 12, Phường Ba Đình, Thành phố Hà Nội' },
    });
    // The migrated draft is a valid v2 declaration (new fields are optional or hidden).
    expect(codes(v2, answers)).toEqual([]);
  });

  it('keeps half-typed answers of unchanged fields as they are', () => {
    const half = { fullName: 'Nguyễn Th', birthDate: '12/05', currentAddress: '' };
    expect(migrateAnswers(v1, v2, half, FORM_MIGRATIONS)).toEqual({
      answers: { fullName: 'Nguyễn Th', birthDate: '12/05' },
      dropped: [],
      retired: [],
    });
  });

  it('is what upgradeDraft does for an open draft', () => {
    const upgrade = upgradeDraft('tam-tru-ct01', 1, draftV1);
    expect(upgrade.status).toBe('migrated');
    if (upgrade.status === 'migrated') expect(upgrade.form.version).toBe(3);
    expect(upgradeDraft('tam-tru-ct01', 3, {}).status).toBe('current');
    expect(upgradeDraft('nope', 1, {}).status).toBe('unknown');
  });

  it('reports what it cannot carry, and the draft then stays on v1', () => {
    const odd = { ...draftV1, salary: '5 triệu', phone: 912345678 as unknown as string };
    const result = migrateAnswers(v1, v2, odd, FORM_MIGRATIONS);
    expect(result.dropped).toEqual(['salary']);
    const upgrade = upgradeDraft('tam-tru-ct01', 1, odd);
    expect(upgrade).toEqual({ status: 'kept', form: v1, dropped: ['salary'] });
  });
});

describe('declared steps', () => {
  const before = makeForm([
    { id: 'name', kind: 'text', label: L('Tên') },
    { id: 'spouseName', kind: 'text', label: L('Vợ/chồng') },
    { id: 'spouseBirth', kind: 'date', label: L('Sinh') },
    { id: 'count', kind: 'number', label: L('Số') },
    { id: 'age', kind: 'computed', compute: 'age-years', args: { birthDate: 'spouseBirth' }, label: L('Tuổi') },
  ]);
  const after: FormDefinition = {
    ...makeForm([
      { id: 'fullName', kind: 'text', label: L('Tên') },
      {
        id: 'members',
        kind: 'group',
        maxItems: 5,
        label: L('Người'),
        fields: [
          { id: 'fullName', kind: 'text', label: L('Tên') },
          { id: 'birthDate', kind: 'date', label: L('Sinh') },
        ],
      },
      { id: 'count', kind: 'text', label: L('Số') },
    ]),
    version: 2,
  };
  const migrations: FormMigration[] = [
    {
      formId: 'test',
      from: 1,
      to: 2,
      steps: [
        { kind: 'rename', from: 'name', to: 'fullName' },
        { kind: 'into-group', group: 'members', fields: { spouseName: 'fullName', spouseBirth: 'birthDate' } },
      ],
    },
  ];

  it('rename and move answers into the first item of a group; computed values are not data', () => {
    const result = migrateAnswers(before, after, { name: 'Lan', spouseName: 'Nam', spouseBirth: '1990-01-01', age: 36 }, migrations);
    expect(result).toEqual({
      answers: { fullName: 'Lan', members: [{ fullName: 'Nam', birthDate: '1990-01-01' }] },
      dropped: [],
      retired: [],
    });
  });

  it('name an answer whose kind changed and does not fit', () => {
    expect(migrateAnswers(before, after, { count: 3 }, migrations)).toEqual({ answers: {}, dropped: ['count'], retired: [] });
  });

  it('name inner answers of group items that the new group lacks', () => {
    const withGroup: FormDefinition = {
      ...after,
      version: 3,
      fields: [{ ...(after.fields[1] as object), fields: [{ id: 'fullName', kind: 'text', label: L('Tên') }] } as never],
    };
    const result = migrateAnswers(after, withGroup, { members: [{ fullName: 'A', birthDate: '1990-01-01' }, 'junk'] as never }, []);
    expect(result.dropped).toEqual(['members[0].birthDate', 'members[1]']);
  });

  it('refuses to move answers between different forms', () => {
    expect(migrateAnswers(before, { ...after, id: 'other' }, { name: 'Lan', count: '' as never }, migrations)).toEqual({
      answers: {},
      dropped: ['name'],
      retired: [],
    });
  });
});
