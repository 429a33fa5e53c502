import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PROCEDURE_CODE, findProcedure, validateCatalog, type Catalog } from '../../../src/domain/catalog';
import { parseIsoDate } from '../../../src/domain/dates';
import { BUNDLED_CATALOG, procedureForm } from '../../../src/content/catalog';
import { FORMS } from '../../../src/content/forms';

/** A deep, mutable copy as JSON would bring it from the server. */
function copy(): any {
  return JSON.parse(JSON.stringify(BUNDLED_CATALOG));
}

function errorsOf(input: unknown): string[] {
  const result = validateCatalog(input);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.errors;
}

const bySlug = (slug: string) => {
  const p = findProcedure(BUNDLED_CATALOG, slug);
  if (!p) throw new Error(`missing ${slug}`);
  return p;
};

describe('the bundled catalogue', () => {
  it('passes validation and comes back unchanged', () => {
    const result = validateCatalog(copy());
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.catalog).toEqual(BUNDLED_CATALOG);
  });

  it('has at least 12 commune procedures, each with a source and a real check date', () => {
    expect(BUNDLED_CATALOG.procedures.length).toBeGreaterThanOrEqual(12);
    for (const p of BUNDLED_CATALOG.procedures) {
      expect(p.source.trim(), p.slug).not.toBe('');
      expect(parseIsoDate(p.verifiedOn), p.slug).not.toBeNull();
      expect(p.legalBasis.length, p.slug).toBeGreaterThan(0);
    }
  });

  it('has unique slugs and unique, well-formed national codes', () => {
    const slugs = BUNDLED_CATALOG.procedures.map((p) => p.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    const codes = BUNDLED_CATALOG.procedures.flatMap((p) => (p.code ? [p.code] : []));
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(PROCEDURE_CODE);
  });

  it('carries the fees of the commune procedures (residence, certified copies)', () => {
    expect(bySlug('dang-ky-tam-tru').fee).toMatchObject({
      inPerson: { kind: 'fixed', amountVnd: 15000 },
      online: { kind: 'fixed', amountVnd: 7000 },
    });
    expect(bySlug('dang-ky-thuong-tru').fee).toMatchObject({
      inPerson: { kind: 'fixed', amountVnd: 20000 },
      online: { kind: 'fixed', amountVnd: 10000 },
    });
    expect(bySlug('chung-thuc-chu-ky').fee.inPerson).toEqual({ kind: 'fixed', amountVnd: 10000, per: 'case' });
    expect(bySlug('chung-thuc-hop-dong-giao-dich').fee.inPerson).toMatchObject({ amountVnd: 50000 });
    expect(bySlug('chung-thuc-ban-sao-tu-ban-chinh').fee.inPerson).toEqual({
      kind: 'per-page',
      firstPages: 2,
      firstPageVnd: 2000,
      laterPageVnd: 1000,
      maxPerCopyVnd: 200000,
    });
    expect(findProcedure(BUNDLED_CATALOG, '1.004194')?.slug).toBe('dang-ky-tam-tru');
  });

  it('offers a form only where one really exists, and for the right procedure', () => {
    const withForm = BUNDLED_CATALOG.procedures.filter((p) => procedureForm(p));
    expect(withForm.map((p) => p.slug).sort()).toEqual([
      'chung-thuc-ban-sao-tu-ban-chinh',
      'dang-ky-ket-hon',
      'dang-ky-khai-sinh',
      'dang-ky-khai-tu',
      'dang-ky-tam-tru',
      'dang-ky-thuong-tru',
      'tro-cap-huu-tri-xa-hoi',
      'tro-cap-xa-hoi-hang-thang',
      'xac-nhan-tinh-trang-hon-nhan',
    ]);
    expect(procedureForm(bySlug('dang-ky-tam-tru'))?.id).toBe('tam-tru-ct01');
    expect(procedureForm(bySlug('dang-ky-tam-tru'))?.version).toBe(3);
    for (const p of BUNDLED_CATALOG.procedures) {
      if (p.formId) expect(procedureForm(p), p.slug).toBeDefined();
    }
    expect(procedureForm({ ...bySlug('dang-ky-thuong-tru'), formId: 'tam-tru-ct01' })).toBeUndefined();
  });

  it('moves a planned form to formId once the form is written', () => {
    const written = new Set(FORMS.map((f) => f.id));
    for (const p of BUNDLED_CATALOG.procedures) {
      if (p.plannedFormId) expect(written.has(p.plannedFormId), p.slug).toBe(false);
    }
  });
});

describe('validateCatalog rejects malformed catalogues', () => {
  const cases: [string, (c: any) => unknown, RegExp][] = [
    ['a non-object', () => 42, /catalog: must be an object/],
    ['null', () => null, /catalog: must be an object/],
    ['an array', () => [], /catalog: must be an object/],
    [
      'a missing version',
      (c) => {
        delete c.version;
        return c;
      },
      /^version: must be an integer/,
    ],
    ['a zero version', (c) => ({ ...c, version: 0 }), /^version: must be between/],
    ['an impossible date', (c) => ({ ...c, publishedOn: '2026-02-30' }), /^publishedOn: must be a real date/],
    ['an empty procedure list', (c) => ({ ...c, procedures: [] }), /^procedures: must not be empty/],
    [
      'a duplicate slug',
      (c) => {
        c.procedures[1].slug = c.procedures[0].slug;
        return c;
      },
      /duplicate slug/,
    ],
    [
      'a duplicate code',
      (c) => {
        c.procedures[1].code = c.procedures[0].code;
        return c;
      },
      /duplicate code/,
    ],
    [
      'a malformed code',
      (c) => {
        c.procedures[0].code = '1.4194';
        return c;
      },
      /procedures\[0\]\.code: does not match/,
    ],
    [
      'a missing name',
      (c) => {
        delete c.procedures[0].name;
        return c;
      },
      /procedures\[0\]\.name: must be an object/,
    ],
    [
      'an empty Vietnamese name',
      (c) => {
        c.procedures[0].name.vi = '  ';
        return c;
      },
      /name\.vi: must not be empty/,
    ],
    [
      'a number as text',
      (c) => {
        c.procedures[0].name.en = 5;
        return c;
      },
      /name\.en: must be a string/,
    ],
    [
      'a string as number',
      (c) => {
        c.procedures[0].visitsAtCounter = '2';
        return c;
      },
      /visitsAtCounter: must be an integer/,
    ],
    [
      'an unknown handler',
      (c) => {
        c.procedures[0].handledBy = 'ubnd-huyen';
        return c;
      },
      /handledBy: must be one of/,
    ],
    [
      'an unknown fee kind',
      (c) => {
        c.procedures[0].fee.online = { kind: 'gratis' };
        return c;
      },
      /fee\.online\.kind: unknown fee kind/,
    ],
    [
      'a negative fee',
      (c) => {
        c.procedures[0].fee.inPerson = { kind: 'fixed', amountVnd: -1 };
        return c;
      },
      /amountVnd: must be between/,
    ],
    [
      'a fractional fee',
      (c) => {
        c.procedures[0].fee.inPerson = { kind: 'fixed', amountVnd: 1.5 };
        return c;
      },
      /amountVnd: must be an integer/,
    ],
    [
      'a bad verifiedOn',
      (c) => {
        c.procedures[0].verifiedOn = '28/11/2026';
        return c;
      },
      /verifiedOn: must be a real date/,
    ],
    [
      'a missing source',
      (c) => {
        delete c.procedures[0].source;
        return c;
      },
      /source: must be a string/,
    ],
    [
      'empty legal basis',
      (c) => {
        c.procedures[0].legalBasis = [];
        return c;
      },
      /legalBasis: must not be empty/,
    ],
    [
      'an unknown result channel',
      (c) => {
        c.procedures[0].resultReturn = ['fax'];
        return c;
      },
      /resultReturn\[0\]: must be one of/,
    ],
    [
      'a repeated result channel',
      (c) => {
        c.procedures[0].resultReturn = ['counter', 'counter'];
        return c;
      },
      /duplicate channel/,
    ],
    [
      'a repeated document id',
      (c) => {
        c.procedures[0].documents[1].id = c.procedures[0].documents[0].id;
        return c;
      },
      /duplicate document id/,
    ],
    [
      'a document without "required"',
      (c) => {
        delete c.procedures[0].documents[0].required;
        return c;
      },
      /required: must be true or false/,
    ],
    [
      'a same-day limit with days',
      (c) => {
        c.procedures[0].timeLimit = { amount: 3, unit: 'same-day' };
        return c;
      },
      /timeLimit\.amount: must be 0 for same-day/,
    ],
    [
      'a zero-day limit',
      (c) => {
        c.procedures[0].timeLimit = { amount: 0, unit: 'working-days' };
        return c;
      },
      /timeLimit\.amount: must be 0 for same-day/,
    ],
    [
      'a full-online procedure needing a trip',
      (c) => {
        c.procedures[0].visitsOnline = 1;
        return c;
      },
      /visitsOnline: must be 0 for toan-trinh/,
    ],
    [
      'more trips online than at the counter',
      (c) => {
        c.procedures[0].visitsOnline = 5;
        return c;
      },
      /visitsOnline: cannot exceed visitsAtCounter/,
    ],
    [
      'an offline procedure with an online fee',
      (c) => {
        c.procedures[0].onlineCategory = 'none';
        return c;
      },
      /fee\.online: must be "unavailable"/,
    ],
    [
      'an unavailable counter',
      (c) => {
        c.procedures[0].fee.inPerson = { kind: 'unavailable' };
        return c;
      },
      /fee\.inPerson: the counter is always available/,
    ],
    [
      'a bad form id',
      (c) => {
        c.procedures[0].formId = 'Tam Tru';
        return c;
      },
      /formId: does not match/,
    ],
    [
      'a non-array keyword list',
      (c) => {
        c.procedures[0].keywords = 'tam tru';
        return c;
      },
      /keywords: must be an array/,
    ],
  ];

  it.each(cases)('rejects %s with a named error', (_label, mutate, expected) => {
    const errors = errorsOf(mutate(copy()));
    expect(
      errors.some((e) => expected.test(e)),
      errors.join('\n'),
    ).toBe(true);
  });

  it('reports every problem, not just the first', () => {
    const c = copy();
    c.procedures[0].slug = 'Bad Slug';
    c.procedures[2].verifiedOn = 'soon';
    expect(errorsOf(c).length).toBeGreaterThanOrEqual(2);
  });
});

describe('validateCatalog normalises what it accepts', () => {
  it('turns NFD text into NFC', () => {
    const c = copy();
    c.procedures[0].name.vi = 'Đăng ký khai sinh'.normalize('NFD');
    const result = validateCatalog(c);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.catalog.procedures[0]?.name.vi).toBe('Đăng ký khai sinh'.normalize('NFC'));
  });

  it('drops unknown keys instead of passing them on', () => {
    const c = copy();
    c.extra = 'x';
    c.procedures[0].secret = 'y';
    const result = validateCatalog(c);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.catalog).not.toHaveProperty('extra');
      expect(result.catalog.procedures[0]).not.toHaveProperty('secret');
    }
  });

  it('ignores properties inherited from the prototype', () => {
    const c = copy();
    const inherited = Object.create({ version: 3 });
    Object.assign(inherited, { publishedOn: c.publishedOn, procedures: c.procedures });
    expect(errorsOf(inherited).some((e) => e.startsWith('version:'))).toBe(true);
  });
});

describe('validateCatalog is total', () => {
  it('turns a throwing getter or a hostile proxy into an error', () => {
    const c = copy();
    Object.defineProperty(c.procedures[0], 'slug', {
      get() {
        throw new Error('boom');
      },
      enumerable: true,
    });
    expect(() => validateCatalog(c)).not.toThrow();
    expect(validateCatalog(c).ok).toBe(false);
    const hostile = new Proxy(
      {},
      {
        getOwnPropertyDescriptor() {
          throw new Error('boom');
        },
      },
    );
    expect(validateCatalog(hostile)).toEqual({ ok: false, errors: expect.any(Array) });
  });

  it('never throws on any value (property)', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withMap: true }), (value) => {
        const result = validateCatalog(value);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });

  it('never throws when one field of a good catalogue is replaced, and what it accepts stays accepted', () => {
    const keys = Object.keys(BUNDLED_CATALOG.procedures[0]!);
    fc.assert(
      fc.property(fc.nat({ max: BUNDLED_CATALOG.procedures.length - 1 }), fc.constantFrom(...keys), fc.jsonValue(), (i, key, value) => {
        const c = copy();
        c.procedures[i][key] = value;
        const first = validateCatalog(c);
        if (first.ok) {
          const again = validateCatalog(JSON.parse(JSON.stringify(first.catalog)));
          expect(again).toEqual(first);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('type-checks the accepted value as a Catalog', () => {
    const result = validateCatalog(copy());
    const catalog: Catalog | null = result.ok ? result.catalog : null;
    expect(catalog?.version).toBe(BUNDLED_CATALOG.version);
  });
});
