/**
 * fast-check generators built from a form's schema: for each field a mix of good values, values
 * that are nearly right (NFD text, spaces, unknown codes) and anything at all, so properties
 * exercise every path of the validator, not just its "wrong-type" exit.
 */
import fc from 'fast-check';
import type { Field, FormDefinition } from '../../../src/domain/form-schema';
import { ATTACHMENT_TYPES } from '../../../src/domain/form-schema';

const anything = fc.anything({ maxDepth: 3, withNullPrototype: true, withDate: true, withBoxedValues: true, withSparseArray: true });
const vnText = fc.constantFrom('Nguyễn Thị Hoa', 'Nguyễn Thị Hoa'.normalize('NFD'), '  Lê   Văn  Nam ', 'Thanh Hoá', 'Đi làm', '', '   ');
const text = fc.oneof(vnText, fc.string({ maxLength: 30 }), fc.string({ minLength: 190, maxLength: 310 }));
const isoDate = fc
  .date({ min: new Date('1880-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const hex64 = fc.stringMatching(/^[0-9a-fA-F]{64}$/);

function values(field: Field, depth: number): fc.Arbitrary<unknown> {
  switch (field.kind) {
    case 'text':
    case 'longtext':
      return fc.oneof(text, anything);
    case 'date':
      return fc.oneof(
        { weight: 4, arbitrary: isoDate },
        { weight: 1, arbitrary: fc.constantFrom('12/05/1990', '2026-02-30', '') },
        { weight: 1, arbitrary: anything },
      );
    case 'choice':
      return fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...field.options.map((o) => o.value)) },
        { weight: 1, arbitrary: fc.oneof(text, anything) },
      );
    case 'multichoice':
      return fc.oneof(
        fc.array(fc.oneof(fc.constantFrom(...field.options.map((o) => o.value)), text), { maxLength: field.options.length + 1 }),
        anything,
      );
    case 'yesno':
      return fc.oneof({ weight: 4, arbitrary: fc.boolean() }, { weight: 1, arbitrary: anything });
    case 'number':
      return fc.oneof(fc.integer({ min: -2, max: 600 }), fc.double(), fc.constantFrom(NaN, -0, Infinity), anything);
    case 'phone':
      return fc.oneof(fc.constantFrom('0912345678', '0912 345 678', '+84 912.345.678', '0243765432'), text, anything);
    case 'email':
      return fc.oneof(fc.constantFrom('lan@example.vn', 'lan@', ' LAN@EXAMPLE.VN '), text, anything);
    case 'cccd':
      return fc.oneof(
        fc.constantFrom('038190012345', '001088012345', '038 305 012 345', '999190012345'),
        fc.stringMatching(/^\d{12}$/),
        anything,
      );
    case 'address':
      return fc.oneof(
        fc.record(
          {
            provinceCode: fc.constantFrom('01', '38', '99', '1'),
            communeCode: fc.constantFrom('00004', '15865', '99999', 'x'),
            provinceName: text,
            communeName: text,
            detail: text,
            unitsVersion: fc.constantFrom('2026-07-25', '2025-07-01'),
            freeText: text,
          },
          { requiredKeys: [] },
        ),
        anything,
      );
    case 'attachment':
      return fc.oneof(
        fc.array(
          fc.record(
            {
              sha256: fc.oneof(hex64, text),
              name: text,
              type: fc.constantFrom(...ATTACHMENT_TYPES, 'image/gif'),
              size: fc.oneof(fc.integer({ min: -1, max: 20_000_000 }), fc.double()),
            },
            { requiredKeys: ['sha256', 'name', 'type', 'size'] },
          ),
          { maxLength: (field.maxFiles ?? 1) + 1 },
        ),
        anything,
      );
    case 'group':
      return depth > 2
        ? anything
        : fc.oneof(
            { weight: 4, arbitrary: fc.array(answersOf(field.fields, depth + 1), { maxLength: Math.min(field.maxItems + 1, 4) }) },
            { weight: 1, arbitrary: anything },
          );
    case 'computed':
      return anything;
  }
}

/** An answers object for these fields: any subset, plus now and then an unknown key. */
export function answersOf(fields: readonly Field[], depth = 0): fc.Arbitrary<Record<string, unknown>> {
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const field of fields) model[field.id] = values(field, depth);
  return fc
    .tuple(
      fc.record(model, { requiredKeys: [] }),
      fc.option(fc.dictionary(fc.string({ maxLength: 8 }), anything, { maxKeys: 2 }), { freq: 5 }),
    )
    .map(([known, extra]) => (extra ? { ...extra, ...known } : known));
}

export const answersFor = (form: FormDefinition) => answersOf(form.fields);

export { anything };
