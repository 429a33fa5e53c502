import { describe, expect, it } from 'vitest';
import { checkSubmission, isVisible, normalizeAnswers, validate, visiblePaths } from '../../../src/domain/validate';
import type { Field } from '../../../src/domain/form-schema';
import { MAX_GROUP_ITEMS } from '../../../src/domain/form-walk';
import { BA_DINH, L, OPTIONS, accepted, codes, makeForm } from './helpers';

describe('conditions', () => {
  const form = makeForm([
    {
      id: 'kind',
      kind: 'choice',
      options: [
        { value: 'a', label: L('A') },
        { value: 'b', label: L('B') },
      ],
      label: L('Loại'),
    },
    {
      id: 'tags',
      kind: 'multichoice',
      options: [
        { value: 'x', label: L('X') },
        { value: 'y', label: L('Y') },
      ],
      label: L('Nhãn'),
    },
    { id: 'note', kind: 'text', label: L('Ghi chú') },
    { id: 'ifNote', kind: 'text', required: true, showIf: { field: 'note', notEmpty: true }, label: L('1') },
    { id: 'ifTagY', kind: 'text', required: true, showIf: { field: 'tags', includes: 'y' }, label: L('2') },
    {
      id: 'ifAll',
      kind: 'text',
      required: true,
      showIf: {
        all: [
          { field: 'kind', equals: 'a' },
          { field: 'note', notEmpty: true },
        ],
      },
      label: L('3'),
    },
    {
      id: 'ifAny',
      kind: 'text',
      required: true,
      showIf: {
        any: [
          { field: 'kind', in: ['b'] },
          { field: 'tags', includes: 'x' },
        ],
      },
      label: L('4'),
    },
    // Depends on a field that is itself hidden: a hidden answer counts as not given.
    { id: 'chained', kind: 'text', required: true, showIf: { field: 'ifNote', notEmpty: true }, label: L('5') },
  ]);

  it('show a field only when its condition holds', () => {
    expect(codes(form, {})).toEqual([]);
    expect(codes(form, { note: 'n' })).toEqual(['ifNote:required']);
    expect(codes(form, { tags: ['y'] })).toEqual(['ifTagY:required']);
    expect(codes(form, { kind: 'a', note: 'n', ifNote: 'i', chained: 'c' })).toEqual(['ifAll:required']);
    expect(codes(form, { kind: 'b' })).toEqual(['ifAny:required']);
    expect(codes(form, { tags: ['x'] })).toEqual(['ifAny:required']);
  });

  it('neither validate nor keep hidden answers, even through a chain of conditions', () => {
    const answers = { kind: 'b', ifAny: 'ok', ifNote: 'stale', chained: 'stale', ifAll: 12 };
    expect(codes(form, answers)).toEqual([]);
    expect(accepted(form, answers)).toEqual({ kind: 'b', ifAny: 'ok' });
  });

  it('blank text does not satisfy notEmpty', () => {
    expect(codes(form, { note: '   ' })).toEqual([]);
  });

  it('are exposed to the page as visible paths and a simple isVisible', () => {
    expect(visiblePaths(form, { note: 'n', ifNote: 'i' })).toEqual(new Set(['kind', 'tags', 'note', 'ifNote', 'chained']));
    const ifNote = form.fields[3] as Field;
    expect(isVisible(ifNote, { note: 'n' })).toBe(true);
    expect(isVisible(ifNote, {}, { note: 'n' })).toBe(true);
    expect(isVisible(ifNote, {})).toBe(false);
  });
});

describe('repeat groups', () => {
  const member: Field[] = [
    { id: 'fullName', kind: 'text', required: true, label: L('Tên') },
    {
      id: 'sex',
      kind: 'choice',
      options: [
        { value: 'male', label: L('Nam') },
        { value: 'female', label: L('Nữ') },
      ],
      label: L('Giới tính'),
    },
    { id: 'birthDate', kind: 'date', notFuture: true, label: L('Sinh') },
    { id: 'cccd', kind: 'cccd', sexField: 'sex', birthDateField: 'birthDate', label: L('CCCD') },
    // Resolves against the item first…
    { id: 'maidenName', kind: 'text', required: true, showIf: { field: 'sex', equals: 'female' }, label: L('Tên khai sinh') },
    // …and falls back to the whole form when the item has no such field.
    { id: 'school', kind: 'text', required: true, showIf: { field: 'withChildren', equals: true }, label: L('Trường') },
  ];
  const form = makeForm([
    {
      id: 'sex',
      kind: 'choice',
      options: [
        { value: 'male', label: L('Nam') },
        { value: 'female', label: L('Nữ') },
      ],
      label: L('Giới tính'),
    },
    { id: 'withChildren', kind: 'yesno', label: L('Có con') },
    { id: 'members', kind: 'group', minItems: 1, maxItems: 3, fields: member, label: L('Thành viên') },
  ]);
  const lan = { fullName: 'Lan', sex: 'female', maidenName: 'Lan' };

  it('validate every item, with paths like members[2].fullName', () => {
    expect(codes(form, { members: [lan, lan, { sex: 'male' }] })).toEqual(['members[2].fullName:required']);
    expect(codes(form, { members: [lan, 'Lan', null] })).toEqual(['members[1]:wrong-type', 'members[2]:wrong-type']);
    expect(codes(form, { members: [{ ...lan, age: 3 }] })).toEqual(['members[0].age:unknown-field']);
  });

  it('count items against minItems and maxItems', () => {
    expect(codes(form, { members: [] })).toEqual(['members:too-few']);
    expect(codes(form, { members: [lan, lan, lan, lan] })).toEqual(['members:too-many']);
    expect(codes(form, { members: 'Lan' })).toEqual(['members:wrong-type']);
  });

  it('resolve conditions in the item first, then in the form', () => {
    expect(codes(form, { sex: 'female', members: [{ fullName: 'Nam', sex: 'male' }] })).toEqual([]);
    expect(codes(form, { sex: 'male', members: [{ fullName: 'Lan', sex: 'female' }] })).toEqual(['members[0].maidenName:required']);
    expect(codes(form, { withChildren: true, members: [lan, lan] })).toEqual(['members[0].school:required', 'members[1].school:required']);
  });

  it('apply the CCCD shorthand inside each item against that item', () => {
    const man = { fullName: 'Nam', sex: 'male', birthDate: '1988-03-02', cccd: '001088012345' };
    expect(codes(form, { sex: 'female', members: [man] })).toEqual([]);
    expect(codes(form, { members: [man, { ...man, sex: 'female', maidenName: 'x' }] })).toEqual(['members[1].cccd:cccd-sex']);
  });

  it('drop hidden fields inside items and keep NFC', () => {
    const nfd = { fullName: ' Nguyễn  Văn   Ánh '.normalize('NFD'), sex: 'male', maidenName: 'hidden' };
    expect(accepted(form, { members: [nfd] })).toEqual({ members: [{ fullName: 'Nguyễn Văn Ánh', sex: 'male' }] });
  });

  it('nest: errors inside a group inside a group carry the whole path', () => {
    const nested = makeForm([
      {
        id: 'households',
        kind: 'group',
        maxItems: 2,
        label: L('Hộ'),
        fields: [
          {
            id: 'people',
            kind: 'group',
            maxItems: 2,
            label: L('Người'),
            fields: [{ id: 'name', kind: 'text', required: true, label: L('Tên') }],
          },
        ],
      },
    ]);
    expect(codes(nested, { households: [{ people: [{ name: 'a' }] }, { people: [{ name: 'b' }, {}] }] })).toEqual([
      'households[1].people[1].name:required',
    ]);
  });

  it('look at no more than maxItems items of a huge array, and never at its contents past that', () => {
    const huge = Array.from({ length: 100_000 }, () => ({ fullName: 42 }));
    expect(codes(form, { members: huge })).toEqual([
      'members:too-many',
      'members[0].fullName:wrong-type',
      'members[1].fullName:wrong-type',
      'members[2].fullName:wrong-type',
    ]);
    const unbounded = makeForm([
      { id: 'g', kind: 'group', maxItems: 10_000, label: L('G'), fields: [{ id: 'a', kind: 'text', label: L('A') }] },
    ]);
    const errors = validate(unbounded, { g: Array(50_000).fill({ a: 1 }) }, OPTIONS);
    expect(errors[0]).toEqual({ field: 'g', code: 'too-many' });
    expect(errors.length).toBe(1 + MAX_GROUP_ITEMS);
  });
});

describe('computed values inside groups (fees)', () => {
  const form = makeForm([
    {
      id: 'docs',
      kind: 'group',
      maxItems: 5,
      label: L('Giấy tờ'),
      fields: [
        { id: 'pages', kind: 'number', integer: true, min: 1, label: L('Trang') },
        { id: 'copies', kind: 'number', integer: true, min: 1, label: L('Bản') },
        { id: 'fee', kind: 'computed', compute: 'copy-fee', args: { pages: 'pages', copies: 'copies' }, label: L('Phí') },
      ],
    },
    { id: 'total', kind: 'computed', compute: 'sum-of-items', args: { items: 'docs' }, params: { itemField: 'fee' }, label: L('Tổng') },
    { id: 'count', kind: 'computed', compute: 'count-items', args: { items: 'docs' }, label: L('Số') },
  ]);

  it('computes each item and the total, ignoring forged values', () => {
    const result = accepted(form, {
      total: 1,
      docs: [
        { pages: 1, copies: 1, fee: 0 },
        { pages: 5, copies: 2 },
      ],
    });
    expect(result).toEqual({
      docs: [
        { pages: 1, copies: 1, fee: 2000 },
        { pages: 5, copies: 2, fee: 14000 },
      ],
      total: 16000,
      count: 2,
    });
  });

  it('leaves a value out when its inputs are missing', () => {
    expect(normalizeAnswers(form, { docs: [{ pages: 3 }] })).toEqual({ docs: [{ pages: 3 }], total: 0, count: 1 });
    expect(normalizeAnswers(form, {})).toEqual({});
  });
});

describe('whole-answer problems', () => {
  const form = makeForm([{ id: 'a', kind: 'text', label: L('A') }]);

  it('refuses objects with too many keys without listing them all', () => {
    const many = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`k${i}`, 1]));
    expect(codes(form, many)).toEqual([':too-many']);
  });

  it('turns a throwing getter into a whole-answer error', () => {
    const hostile = Object.defineProperty({}, 'a', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    expect(checkSubmission(form, hostile, OPTIONS)).toEqual({ ok: false, errors: [{ field: '', code: 'wrong-type' }] });
    expect(normalizeAnswers(form, hostile)).toEqual({});
  });

  it('reads answers as JSON would carry them', () => {
    expect(accepted(form, { a: new String('x'), b: undefined })).toEqual({ a: 'x' });
    expect(codes(form, { a: NaN })).toEqual([]);
    expect(codes(makeForm([{ id: 'd', kind: 'date', label: L('D') }]), { d: new Date(Date.UTC(2020, 0, 1)) })).toEqual(['d:date-format']);
  });

  it('never reads inherited properties', () => {
    const proto = Object.create({ a: 'inherited' });
    expect(accepted(form, proto)).toEqual({});
    expect(
      accepted(makeForm([{ id: 'home', kind: 'address', label: L('Đ') }]), {
        home: Object.assign(Object.create(BA_DINH), { freeText: 'x' }),
      }),
    ).toEqual({
      home: { detail: '', freeText: 'x' },
    });
  });
});
