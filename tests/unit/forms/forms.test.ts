import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORMS, FORM_VERSIONS, findForm } from '../../../src/content/forms';
import { CERTIFIED_COPY_FEE } from '../../../src/content/catalog/chung-thuc';
import { BUNDLED_CATALOG, procedureForm } from '../../../src/content/catalog';
import type { Condition, Field, FormDefinition } from '../../../src/domain/form-schema';
import { COMPUTATIONS, copyFeeVnd } from '../../../src/domain/computations';
import { visiblePaths } from '../../../src/domain/validate';
import { VALID } from './fixtures';
import { BA_DINH, accepted, codes, photo } from './helpers';

const key = (f: FormDefinition) => `${f.id}@${f.version}`;
const form = (id: string, version?: number): FormDefinition => {
  const f = findForm(id, version);
  if (!f) throw new Error(`no form ${id}`);
  return f;
};
const valid = (f: FormDefinition) => VALID[key(f)] as Record<string, unknown>;
const without = (answers: Record<string, unknown>, ...ids: string[]) =>
  Object.fromEntries(Object.entries(answers).filter(([k]) => !ids.includes(k)));

describe('the registry', () => {
  it('offers one, latest, version of each form and keeps older versions for the server', () => {
    expect(FORMS.map((f) => f.id)).toEqual([...new Set(FORMS.map((f) => f.id))]);
    expect(FORMS.length).toBeGreaterThanOrEqual(8);
    expect(findForm('tam-tru-ct01')?.version).toBe(3);
    expect(findForm('tam-tru-ct01', 1)?.version).toBe(1);
    expect(findForm('tam-tru-ct01', 4)).toBeUndefined();
    expect(findForm('khai-sinh-x')).toBeUndefined();
    expect(FORM_VERSIONS.filter((f) => f.id === 'tam-tru-ct01').map((f) => f.version)).toEqual([1, 2, 3]);
  });

  it('gives every catalogue procedure with a formId its form, for the right procedure code', () => {
    const withForm = BUNDLED_CATALOG.procedures.filter((p) => p.formId);
    expect(withForm.length).toBeGreaterThanOrEqual(8);
    for (const p of withForm) expect(procedureForm(p)?.procedureCode, p.slug).toBe(p.code ?? p.slug);
    for (const f of FORMS)
      expect(
        withForm.some((p) => p.formId === f.id),
        f.id,
      ).toBe(true);
  });

  it('has a realistic valid answer set for every registered version (the fixtures cover them all)', () => {
    expect(Object.keys(VALID).sort()).toEqual(FORM_VERSIONS.map(key).sort());
  });

  it('names a source and a check date in every form file', () => {
    const dir = join(import.meta.dirname, '..', '..', '..', 'src', 'content', 'forms');
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && !['index.ts', 'common.ts', 'tam-tru-ct01.ts'].includes(f));
    expect(files.length).toBeGreaterThanOrEqual(8);
    for (const file of files) {
      const text = readFileSync(join(dir, file), 'utf8');
      expect(text, file).toMatch(/source: /);
      expect(text, file).toMatch(/verifiedOn: \d{4}-\d{2}-\d{2}/);
    }
  });
});

/** Every field id a condition names. */
function conditionFields(c: Condition): string[] {
  if ('all' in c) return c.all.flatMap(conditionFields);
  if ('any' in c) return c.any.flatMap(conditionFields);
  if ('not' in c) return conditionFields(c.not);
  return [c.field];
}

describe.each(FORM_VERSIONS.map((f) => [key(f), f] as const))('form %s is well made', (_name, f) => {
  const check = (fields: readonly Field[], outer: readonly Field[]) => {
    const ids = fields.map((x) => x.id);
    expect(new Set(ids).size, `${f.id}: duplicate ids`).toBe(ids.length);
    const known = new Set([...ids, ...outer.map((x) => x.id)]);
    for (const field of fields) {
      for (const text of [field.label.vi, field.label.en, field.hint?.vi ?? 'x', field.hint?.en ?? 'x']) {
        expect(text.trim(), field.id).not.toBe('');
        expect(text, field.id).toBe(text.normalize('NFC'));
      }
      if (field.showIf) for (const id of conditionFields(field.showIf)) expect(known.has(id), `${field.id} showIf ${id}`).toBe(true);
      if (field.kind === 'choice' || field.kind === 'multichoice') {
        expect(new Set(field.options.map((o) => o.value)).size).toBe(field.options.length);
      }
      if (field.kind === 'computed') {
        expect(Object.keys(COMPUTATIONS)).toContain(field.compute);
        for (const source of Object.values(field.args)) expect(known.has(source), `${field.id} reads ${source}`).toBe(true);
      }
      if (field.kind === 'group') check(field.fields, [...outer, ...fields]);
    }
  };

  it('has unique ids, translated NFC labels, and conditions/computations that name real fields', () => {
    check(f.fields, []);
    const top = new Set(f.fields.map((x) => x.id));
    for (const rule of f.rules ?? []) {
      const named =
        rule.kind === 'cccd-matches'
          ? [rule.cccd, rule.sex, rule.birthDate, rule.birthYear]
          : rule.kind === 'min-age'
            ? [rule.birthDate, rule.atDate]
            : rule.kind === 'year-before'
              ? [rule.year, rule.date]
              : [rule.before, rule.after];
      for (const id of named) if (id !== undefined && id !== 'today') expect(top.has(id), `rule names ${id}`).toBe(true);
    }
    for (const id of Object.values(f.qrMap ?? {})) expect(top.has(id), `qrMap names ${id}`).toBe(true);
  });

  it('accepts a realistic declaration', () => {
    expect(codes(f, valid(f))).toEqual([]);
  });

  it('names every missing required field when the form is sent empty', () => {
    const required = f.fields.filter((x) => x.required && !x.showIf).map((x) => `${x.id}:required`);
    expect(codes(f, {})).toEqual(required);
    expect(required.length).toBeGreaterThan(3);
  });
});

describe('typical mistakes are refused', () => {
  it('CT01 v2 (tạm trú): people moving together, their CCCDs, the end date, the address codes', () => {
    const f = form('tam-tru-ct01', 2);
    const good = valid(f);
    expect(codes(f, { ...good, members: [] })).toEqual(['members:required']);
    expect(
      codes(f, {
        ...good,
        members: [{ fullName: 'Lê Minh Khang', birthDate: '2015-03-04', sex: 'male', relationship: 'Con', cccd: '038315012345' }],
      }),
    ).toEqual(['members[0].cccd:cccd-sex']);
    expect(codes(f, { ...good, endDate: '2026-11-30' })).toEqual(['endDate:date-order']);
    expect(codes(f, { ...good, temporaryAddress: { ...BA_DINH, provinceCode: '79' } })).toEqual(['temporaryAddress:address-unit']);
    expect(codes(f, { ...good, startDate: '2028-01-01', endDate: undefined })).toEqual(['startDate:date-too-late']);
    // Not moving together: the group is hidden, neither checked nor kept.
    const alone = accepted(f, { ...good, movingTogether: false, members: [{}] });
    expect(alone).not.toHaveProperty('members');
    expect(alone).not.toHaveProperty('memberCount');
    expect(accepted(f, good).memberCount).toBe(1);
  });

  it('CT01 v2 keeps every field id and label of v1 (drafts and the e2e test rely on them)', () => {
    const v1 = form('tam-tru-ct01', 1);
    const v2 = form('tam-tru-ct01', 2);
    for (const field of v1.fields) expect(v2.fields.find((x) => x.id === field.id)?.label, field.id).toEqual(field.label);
  });

  it('CT01 v2 as first shown has exactly one field for each v1 label (the e2e test finds fields by label)', () => {
    const v1 = form('tam-tru-ct01', 1);
    const v2 = form('tam-tru-ct01', 2);
    const shown = visiblePaths(v2, {});
    const labels = v2.fields.filter((x) => shown.has(x.id)).map((x) => x.label.vi);
    for (const field of v1.fields) {
      expect(
        labels.filter((l) => l.includes(field.label.vi)),
        field.id,
      ).toHaveLength(1);
    }
  });

  it('thường trú: proof of a lawful home for one’s own home; household head only when it applies', () => {
    const f = form('thuong-tru-ct01', 1);
    const good = valid(f);
    expect(codes(f, { ...good, basis: 'own-home' })).toEqual(['lawfulHomeProof:required']);
    expect(accepted(f, { ...good, basis: 'own-home', lawfulHomeProof: [photo()] })).not.toHaveProperty('headName');
    expect(codes(f, { ...good, basis: 'other' })).toEqual(['basisDetail:required']);
  });

  it('khai sinh: a child not yet born, a mother younger than her child, a missing father, a male CCCD for the mother', () => {
    const f = form('khai-sinh', 1);
    const good = valid(f);
    expect(codes(f, { ...good, childBirthDate: '2026-12-01' })).toEqual(['childBirthDate:date-future']);
    expect(codes(f, { ...good, motherBirthDate: '2026-11-21', motherCccd: undefined })).toEqual(['childBirthDate:date-order']);
    expect(codes(f, without(good, 'fatherName'))).toEqual(['fatherName:required']);
    expect(codes(f, { ...good, motherCccd: '001090012345' })).toEqual(['motherCccd:cccd-sex']);
    expect(codes(f, without(good, 'birthProof'))).toEqual(['birthProof:required']);
    expect(codes(f, { ...good, extraCopies: 1.5 })).toEqual(['extraCopies:number-whole']);
    expect(accepted(f, { ...good, fatherKnown: false })).not.toHaveProperty('fatherName');
  });

  it('khai tử: death before birth, a death in the future, an ID that disagrees', () => {
    const f = form('khai-tu', 1);
    const good = valid(f);
    expect(codes(f, { ...good, deceasedBirthDate: '1950-01-01', deathDate: '1949-12-31' })).toEqual(['deathDate:date-order']);
    expect(codes(f, { ...good, deathDate: '1939-01-01' })).toEqual(['deathDate:date-too-early']);
    expect(codes(f, { ...good, deathDate: '2026-11-29' })).toEqual(['deathDate:date-future']);
    expect(codes(f, { ...good, deceasedCccd: '038140012345' })).toEqual(['deceasedCccd:cccd-sex']);
    expect(codes(f, { ...good, deathNotice: [{ ...photo(), type: 'text/html' }] })).toEqual(['deathNotice:attachment-type']);
  });

  it('kết hôn: under-age partners, swapped IDs, a missing certificate from the other commune', () => {
    const f = form('ket-hon', 1);
    const good = valid(f);
    expect(codes(f, { ...good, brideBirthDate: '2009-01-01', brideCccd: '038309012345' })).toEqual(['brideBirthDate:marriage-age-woman']);
    expect(codes(f, { ...good, groomBirthDate: '2007-01-01', groomCccd: '001207012345' })).toEqual(['groomBirthDate:marriage-age-man']);
    expect(codes(f, { ...good, brideCccd: '001088012345', groomCccd: '038190012345' })).toEqual([
      'brideCccd:cccd-sex',
      'groomCccd:cccd-sex',
    ]);
    expect(codes(f, without(good, 'maritalStatusProof'))).toEqual(['maritalStatusProof:required']);
    expect(codes(f, { ...good, brideMarriageNumber: 0 })).toEqual(['brideMarriageNumber:number-range']);
  });

  it('xác nhận tình trạng hôn nhân: history without proof, under age to marry, a period ending before it starts', () => {
    const f = form('xac-nhan-hon-nhan');
    const good = valid(f);
    expect(codes(f, without(good, 'previousMarriageProof'))).toEqual(['previousMarriageProof:required']);
    expect(codes(f, { ...good, maritalStatus: 'married' })).toEqual(['spouseName:required']);
    expect(codes(f, { ...good, birthDate: '2010-01-01', cccd: '038310012345' })).toEqual(['birthDate:marriage-age-woman']);
    expect(codes(f, { ...good, previousMarriageEnded: '1980-01-01' })).toEqual(['previousMarriageEnded:date-order']);
    expect(codes(f, { ...good, periodFrom: '2020-01-01', periodTo: '2019-01-01' })).toEqual(['periodTo:date-order']);
    expect(codes(f, { ...good, periodFrom: '2020-01-01' })).toEqual(['periodTo:required']);
    expect(codes(f, { ...good, purpose: 'other' })).toEqual(['purposeDetail:required']);
  });

  it('chứng thực bản sao: no papers, zero pages; the fee follows Thông tư 226/2016 and cannot be forged', () => {
    const f = form('chung-thuc-ban-sao');
    const good = valid(f);
    expect(codes(f, { ...good, documents: [] })).toEqual(['documents:required']);
    expect(codes(f, { ...good, documents: [{ documentType: 'cccd', pages: 0, copies: 1 }] })).toEqual(['documents[0].pages:number-range']);
    expect(codes(f, { ...good, documents: [{ documentType: 'other', pages: 1, copies: 1 }] })).toEqual([
      'documents[0].documentName:required',
    ]);
    const result = accepted(f, {
      ...good,
      totalFee: 1,
      documents: [
        { documentType: 'cccd', pages: 1, copies: 3, fee: 0 },
        { documentType: 'diploma', pages: 12, copies: 2 },
      ],
    });
    expect(result.documents).toEqual([
      { documentType: 'cccd', pages: 1, copies: 3, fee: 6000 },
      { documentType: 'diploma', pages: 12, copies: 2, fee: 28000 },
    ]);
    expect(result.totalFee).toBe(34000);
    expect(copyFeeVnd(300, 1, CERTIFIED_COPY_FEE.inPerson)).toBe(200_000);
    expect(copyFeeVnd(3, 1, CERTIFIED_COPY_FEE.inPerson)).toBe(5000);
  });

  it('chứng thực bản sao uses the catalogue’s own fee data (the same object, periods included)', () => {
    const procedure = BUNDLED_CATALOG.procedures.find((p) => p.code === '2.000815');
    const documents = form('chung-thuc-ban-sao').fields.find((f) => f.id === 'documents');
    const fee = documents?.kind === 'group' ? documents.fields.find((f) => f.id === 'fee') : undefined;
    expect(fee?.kind === 'computed' && fee.fee).toBe(CERTIFIED_COPY_FEE);
    expect(procedure?.fee).toBe(CERTIFIED_COPY_FEE);
    expect(procedure?.fee.inPerson).toEqual({
      kind: 'per-page',
      firstPages: 2,
      firstPageVnd: 2000,
      laterPageVnd: 1000,
      maxPerCopyVnd: 200000,
    });
  });

  it('trợ cấp xã hội: the age of the group, the questions of the group, the bank account when paid by bank', () => {
    const f = form('tro-cap-xa-hoi', 1);
    const good = valid(f);
    expect(accepted(f, { ...good, age: 10 }).age).toBe(82);
    expect(codes(f, { ...good, birthDate: '1946-11-29' })).toEqual(['birthDate:min-age']);
    expect(codes(f, { ...good, birthDate: '1946-11-28' })).toEqual([]);
    expect(codes(f, { ...good, category: 'disability' })).toEqual(['disabilityLevel:required', 'disabilityCertificate:required']);
    expect(codes(f, { ...good, category: 'single-parent' })).toEqual(['children:required']);
    expect(codes(f, { ...good, category: 'single-parent', children: [{ fullName: 'Bé', birthDate: '2030-01-01' }] })).toEqual([
      'children[0].birthDate:date-future',
    ]);
    expect(codes(f, without(good, 'bankAccount'))).toEqual(['bankAccount:required']);
    expect(accepted(f, { ...good, category: 'orphan', circumstances: 'Mồ côi cả cha lẫn mẹ' })).not.toHaveProperty('hasPension');
  });
});
