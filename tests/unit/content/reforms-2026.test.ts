/**
 * The facts that changed with the 2025–2026 reforms, asserted from the data the app ships (the
 * catalogue, the forms, the consent), so a later edit that brings an old fact back fails here.
 */
import { describe, expect, it } from 'vitest';
import { findProcedure, legalTimeLimit, validateCatalog, type FeeLine, type Procedure } from '../../../src/domain/catalog';
import { feeFor, feesOn } from '../../../src/domain/fees';
import { feeAmountVnd, describeFee } from '../../../src/domain/money';
import { parseIsoDate, type CalendarDate } from '../../../src/domain/dates';
import { migrateAnswers } from '../../../src/domain/form-migration';
import type { Answers, FormDefinition } from '../../../src/domain/form-schema';
import { BUNDLED_CATALOG, procedureForm } from '../../../src/content/catalog';
import { FORM_MIGRATIONS, findForm, upgradeDraft } from '../../../src/content/forms';
import { CONSENT, CONSENT_VERSIONS } from '../../../src/content/consent';
import { VALID } from '../forms/fixtures';
import { accepted, codes, L, makeForm, OPTIONS } from '../forms/helpers';

const day = (iso: string): CalendarDate => parseIsoDate(iso)!;
const procedure = (key: string): Procedure => {
  const p = findProcedure(BUNDLED_CATALOG, key);
  if (!p) throw new Error(`no procedure ${key}`);
  return p;
};
const form = (id: string, version?: number): FormDefinition => {
  const f = findForm(id, version);
  if (!f) throw new Error(`no form ${id}@${version}`);
  return f;
};
const amount = (line: FeeLine, channel: 'inPerson' | 'online', on: string, vneid: boolean) =>
  feeAmountVnd(feeFor(line, channel, day(on), vneid ? ['vneid-level-2'] : []).rule);

describe('residence fees (Thông tư 75/2022/TT-BTC, waiver of Thông tư 117/2026/TT-BTC)', () => {
  const tamTru = procedure('1.004194').fee;
  const thuongTru = procedure('1.004222').fee;
  const byList = tamTru.cases?.find((c) => c.id === 'theo-danh-sach');

  it('on 01/12/2026 a level-2 VNeID holder pays nothing; others pay the standing rate', () => {
    expect(amount(tamTru, 'inPerson', '2026-12-01', true)).toBe(0);
    expect(amount(tamTru, 'online', '2026-12-01', true)).toBe(0);
    expect(amount(tamTru, 'inPerson', '2026-12-01', false)).toBe(15000);
    expect(amount(tamTru, 'online', '2026-12-01', false)).toBe(7000);
    expect(amount(thuongTru, 'inPerson', '2026-12-01', true)).toBe(0);
    expect(amount(thuongTru, 'inPerson', '2026-12-01', false)).toBe(20000);
    expect(amount(thuongTru, 'online', '2026-12-01', false)).toBe(10000);
  });

  it('the waiver runs from 15/08/2026 to 28/02/2027 inclusive, and ends by itself on 01/03/2027', () => {
    expect(amount(tamTru, 'inPerson', '2026-08-14', true)).toBe(15000);
    expect(amount(tamTru, 'inPerson', '2026-08-15', true)).toBe(0);
    expect(amount(tamTru, 'inPerson', '2027-02-28', true)).toBe(0);
    expect(amount(tamTru, 'inPerson', '2027-03-01', true)).toBe(15000);
    expect(amount(tamTru, 'online', '2027-03-01', true)).toBe(7000);
    expect(amount(thuongTru, 'online', '2027-03-01', true)).toBe(10000);
  });

  it('says why: the page gets the standing fee and the waiver with its condition, end and basis', () => {
    const today = feesOn(tamTru, 'inPerson', day('2026-12-01'));
    expect(describeFee(today.standard.rule, 'vi')).toBe('15.000\u00a0đ');
    expect(today.conditional).toHaveLength(1);
    const waiver = today.conditional[0]!;
    expect(waiver.rule).toEqual({ kind: 'free' });
    expect(waiver.period).toMatchObject({ condition: 'vneid-level-2', until: '2027-02-28' });
    expect(waiver.period.basis).toContain('Thông tư 117/2026/TT-BTC');
    expect(waiver.period.reason.vi).toContain('Nghị quyết 66.22/2026/NQ-CP');
    expect(feesOn(tamTru, 'inPerson', day('2027-03-01')).conditional).toEqual([]);
  });

  it('registration by list has its own rate per person, waived the same way', () => {
    expect(byList?.inPerson).toEqual({ kind: 'fixed', amountVnd: 10000, per: 'person' });
    expect(byList?.online).toEqual({ kind: 'fixed', amountVnd: 5000, per: 'person' });
    expect(describeFee(byList!.inPerson, 'vi')).toBe('10.000\u00a0đ/người');
    expect(amount(byList!, 'online', '2026-12-01', true)).toBe(0);
    expect(amount(byList!, 'online', '2027-03-01', true)).toBe(5000);
  });
});

describe('residence procedures', () => {
  it('thường trú and tạm trú are "một phần", with one trip left online', () => {
    for (const code of ['1.004222', '1.004194']) {
      expect(procedure(code).onlineCategory, code).toBe('mot-phan');
      expect(procedure(code).visitsOnline, code).toBe(1);
    }
  });

  it('xác nhận thông tin về cư trú (1.010041) takes at most half a working day, 3 with checks', () => {
    const p = procedure('1.010041');
    expect(p.timeLimit.unit).toBe('half-day');
    expect(legalTimeLimit(p.timeLimit)).toEqual({ unit: 'half-day' });
    expect(p.timeLimit.note?.vi).toContain('1/2 ngày làm việc');
    expect(p.timeLimit.note?.vi).toContain('03 ngày làm việc');
    expect(p.fee.inPerson).toEqual({ kind: 'free' });
  });

  it('name CT01 of Thông tư 53/2025/TT-BCA and its consents', () => {
    for (const code of ['1.004222', '1.004194']) {
      const ct01 = procedure(code).documents.find((d) => d.id === 'to-khai-ct01');
      expect(ct01?.note?.vi, code).toContain('Thông tư 53/2025/TT-BCA');
      expect(ct01?.note?.vi, code).toContain('chủ sở hữu chỗ ở hợp pháp');
    }
  });
});

describe('CT01 of Thông tư 53/2025/TT-BCA (tạm trú v3, thường trú v2)', () => {
  const v3 = form('tam-tru-ct01', 3);
  const thuong = form('thuong-tru-ct01', 2);
  const ids = (f: FormDefinition) => f.fields.map((x) => x.id);

  it('is what the catalogue offers for new drafts', () => {
    expect(procedureForm(procedure('1.004194'))).toBe(v3);
    expect(procedureForm(procedure('1.004222'))).toBe(thuong);
  });

  it('has the addressee, "Họ, chữ đệm và tên khai sinh", the members table and the three consents', () => {
    for (const f of [v3, thuong]) {
      expect(f.fields[0]?.id, f.id).toBe('addressee');
      expect(f.fields.find((x) => x.id === 'fullName')?.label.vi, f.id).toBe('Họ, chữ đệm và tên khai sinh');
      expect(f.fields.find((x) => x.id === 'members')?.kind, f.id).toBe('group');
      for (const id of ['headConsent', 'ownerName', 'ownerConsent', 'isMinor', 'guardianName', 'guardianConsent']) {
        expect(ids(f), `${f.id} ${id}`).toContain(id);
      }
    }
  });

  it('no longer asks "Nơi ở hiện tại", and the QR code fills no address', () => {
    expect(ids(v3)).not.toContain('currentAddress');
    expect(v3.qrMap).not.toHaveProperty('address');
  });

  it('asks a consent only when it applies: the head when joining, the owner when not owning, a guardian for a minor', () => {
    const good = VALID['tam-tru-ct01@3']!;
    expect(codes(v3, { ...good, headConsent: undefined })).toEqual(['headConsent:required']);
    expect(codes(v3, { ...good, ownerConsentProof: undefined })).toEqual(['ownerConsentProof:required']);
    const alone = accepted(v3, { ...good, joinsHousehold: false, homeNotOwned: false });
    for (const id of ['headName', 'headConsent', 'ownerName', 'ownerConsent', 'ownerConsentProof']) expect(alone).not.toHaveProperty(id);
    // A 16-year-old registering must say so, and then needs a parent's or guardian's consent.
    const teen = { ...good, birthDate: '2010-03-01', cccd: '038310012345' };
    expect(codes(v3, teen)).toEqual(['birthDate:minor-needs-guardian']);
    expect(codes(v3, { ...teen, isMinor: true })).toEqual([
      'guardianName:required',
      'guardianRelationship:required',
      'guardianConsent:required',
    ]);
    expect(
      codes(v3, { ...teen, isMinor: true, guardianName: 'Lê Thị Hạnh', guardianRelationship: 'mother', guardianConsent: 'on-form' }),
    ).toEqual([]);
  });

  it('a draft of v2 moves to v3: every answer kept except the retired current address, which is named', () => {
    const draft = VALID['tam-tru-ct01@2'] as Answers;
    const result = migrateAnswers(form('tam-tru-ct01', 2), v3, draft, FORM_MIGRATIONS);
    expect(result.dropped).toEqual([]);
    expect(result.retired).toEqual(['currentAddress']);
    const { currentAddress, ...rest } = draft;
    expect(currentAddress).toBeDefined();
    expect(result.answers).toEqual(rest);
    // With the head's consent the new form asks for, the moved draft is a valid v3 declaration.
    expect(codes(v3, { ...result.answers, headConsent: 'vneid' })).toEqual([]);
    expect(upgradeDraft('tam-tru-ct01', 2, draft)).toMatchObject({ status: 'migrated', retired: ['currentAddress'] });
  });

  it('a draft of v1 goes through v2 to v3 and validates', () => {
    const draft = VALID['tam-tru-ct01@1'] as Answers;
    const result = migrateAnswers(form('tam-tru-ct01', 1), v3, draft, FORM_MIGRATIONS);
    expect(result).toMatchObject({ dropped: [], retired: ['currentAddress'] });
    expect(result.answers.temporaryAddress).toEqual({ detail: '', freeText: 'Số 5 ngõ 12, Phường Ba Đình, Thành phố Hà Nội' });
    expect(codes(v3, result.answers)).toEqual([]);
  });

  it('thường trú v1 drafts move by id alone, and versions 1 and 2 both stay valid', () => {
    const draft = VALID['thuong-tru-ct01@1'] as Answers;
    expect(migrateAnswers(form('thuong-tru-ct01', 1), thuong, draft, FORM_MIGRATIONS)).toEqual({
      answers: draft,
      dropped: [],
      retired: [],
    });
    expect(codes(form('thuong-tru-ct01', 1), draft)).toEqual([]);
    expect(codes(thuong, draft)).toEqual(['headConsent:required', 'ownerName:required', 'ownerConsent:required']);
  });
});

describe('civil status forms of Thông tư 04/2024/TT-BTP and the marriage reform', () => {
  it('birth: the requester’s residence, the date in words, the parents’ years, the marriage certificate', () => {
    const f = form('khai-sinh');
    expect(f.version).toBe(2);
    for (const id of [
      'requesterCccd',
      'requesterResidence',
      'childBirthDateInWords',
      'motherBirthYear',
      'fatherBirthYear',
      'marriageCertNumber',
      'marriageCertBook',
      'marriageCertDate',
      'marriageCertPlace',
    ]) {
      expect(f.fields.map((x) => x.id)).toContain(id);
    }
    const good = VALID['khai-sinh@2']!;
    expect(codes(f, { ...good, motherBirthYear: 2027, motherCccd: undefined })).toEqual(['motherBirthYear:date-order']);
    expect(codes(f, { ...good, motherCccd: '038191012345' })).toEqual(['motherCccd:cccd-year']);
    expect(codes(f, { ...good, marriageCertNumber: undefined })).toEqual(['marriageCertNumber:required']);
    expect(accepted(f, { ...good, parentsMarried: false })).not.toHaveProperty('marriageCertNumber');
  });

  it('birth: a v1 draft moves, its parents’ dates becoming years (named as set aside)', () => {
    const draft = VALID['khai-sinh@1'] as Answers;
    const result = migrateAnswers(form('khai-sinh', 1), form('khai-sinh', 2), draft, FORM_MIGRATIONS);
    expect(result.dropped).toEqual([]);
    expect(result.retired).toEqual(['motherBirthDate', 'fatherBirthDate']);
    expect(result.answers).toMatchObject({ motherBirthYear: 1990, fatherBirthYear: 1988 });
    expect(codes(form('khai-sinh', 2), result.answers)).toEqual(['requesterResidence:required']);
  });

  it('death: the notice’s number, date and issuer', () => {
    const f = form('khai-tu');
    expect(f.version).toBe(2);
    const good = VALID['khai-tu@2']!;
    expect(codes(f, { ...good, deathNoticeNumber: undefined, deathNoticeIssuer: undefined })).toEqual([
      'deathNoticeNumber:required',
      'deathNoticeIssuer:required',
    ]);
    expect(codes(f, { ...good, deathNoticeDate: '2026-11-20' })).toEqual(['deathNoticeDate:date-order']);
  });

  it('marriage between two Vietnamese citizens: no certificate of marital status since 01/01/2026', () => {
    const f = form('ket-hon');
    expect(f.version).toBe(2);
    expect(f.fields.map((x) => x.id)).not.toContain('maritalStatusProof');
    const p = procedure('1.000894');
    expect(p.documents.map((d) => d.id)).not.toContain('xac-nhan-tinh-trang-hon-nhan');
    expect(p.note?.vi).toContain('01/01/2026');
    expect(p.legalBasis.join(' ')).toContain('66.7/2025/NQ-CP');
    const result = migrateAnswers(form('ket-hon', 1), f, VALID['ket-hon@1'] as Answers, FORM_MIGRATIONS);
    expect(result).toMatchObject({ dropped: [], retired: ['livesElsewhere', 'maritalStatusProof'] });
    expect(codes(f, result.answers)).toEqual([]);
  });
});

describe('social pension (Nghị định 176/2025/NĐ-CP) and the monthly social allowance', () => {
  it('is a procedure of its own: 75+, or 70–74 in a poor or near-poor household, 500.000 đ/month, 10 working days', () => {
    const p = procedure('tro-cap-huu-tri-xa-hoi');
    expect(p.code).toBeNull();
    expect(p.timeLimit).toMatchObject({ amount: 10, unit: 'working-days' });
    expect(p.fee.inPerson).toEqual({ kind: 'free' });
    expect(p.note?.vi).toContain('500.000\u00a0đ/tháng');
    expect(p.legalBasis.join(' ')).toContain('176/2025/NĐ-CP');
    expect(procedureForm(p)?.id).toBe('tro-cap-huu-tri-xa-hoi');
  });

  it('its form checks the age of the case chosen', () => {
    const f = form('tro-cap-huu-tri-xa-hoi');
    const good = VALID['tro-cap-huu-tri-xa-hoi@1']!;
    expect(accepted(f, good).age).toBe(82);
    expect(codes(f, { ...good, birthDate: '1953-01-01', cccd: '038153012345' })).toEqual(['birthDate:min-age']);
    expect(codes(f, { ...good, birthDate: '1953-01-01', cccd: '038153012345', group: '70-74-poor' })).toEqual(['householdStatus:required']);
    expect(codes(f, { ...good, birthDate: '1960-01-01', cccd: '038160012345', group: '70-74-poor', householdStatus: 'poor' })).toEqual([
      'birthDate:min-age',
    ]);
    expect(codes(f, { ...good, hasPension: true })).toEqual(['pensionAmount:required']);
  });

  it('the monthly allowance no longer has the 80+ group; a v1 draft of that group stays on v1 and is still accepted', () => {
    const v2 = form('tro-cap-xa-hoi');
    expect(v2.version).toBe(2);
    const category = v2.fields.find((x) => x.id === 'category');
    expect(category?.kind === 'choice' && category.options.map((o) => o.value)).not.toContain('elderly-80');
    expect(procedure('1.001776').note?.vi).toContain('trợ cấp hưu trí xã hội');
    const old = VALID['tro-cap-xa-hoi@1'] as Answers;
    expect(upgradeDraft('tro-cap-xa-hoi', 1, old)).toEqual({ status: 'kept', form: form('tro-cap-xa-hoi', 1), dropped: ['category'] });
    expect(codes(form('tro-cap-xa-hoi', 1), old)).toEqual([]);
    expect(upgradeDraft('tro-cap-xa-hoi', 1, { ...old, category: 'disability' }).status).toBe('migrated');
  });
});

describe('the consent', () => {
  it('rests on Law 91/2025/QH15 and Decree 356/2025/NĐ-CP, no longer on Decree 13/2023', () => {
    const basis = CONSENT.legalBasis.map((b) => b.vi).join(' ');
    expect(basis).toContain('91/2025/QH15');
    expect(basis).toContain('356/2025/NĐ-CP');
    expect(basis).not.toContain('13/2023');
    expect(CONSENT.source).not.toContain('13/2023');
    expect(CONSENT.verifiedOn).toBe('2026-12-01');
  });

  it('is a new version; the old text is kept for the dossiers sent with it', () => {
    expect(CONSENT_VERSIONS.map((c) => c.version)).toEqual(['consent-dossier-2026-11-28', 'consent-dossier-2026-12-01']);
    expect(CONSENT_VERSIONS.at(-1)).toBe(CONSENT);
  });
});

describe('a CCCD of a birth registered abroad', () => {
  it('is accepted on a form (the first three digits are a country code)', () => {
    const f = form('tro-cap-huu-tri-xa-hoi');
    expect(codes(f, { ...VALID['tro-cap-huu-tri-xa-hoi@1'], cccd: '840144012345' })).toEqual([]);
  });
});

describe('the catalogue validator and the new fee shape', () => {
  const copy = (): any => JSON.parse(JSON.stringify(BUNDLED_CATALOG));
  const slug = (c: any, s: string) => c.procedures.find((p: any) => p.slug === s);

  it('still reads a catalogue of the old shape (no periods, no cases, no half-day)', () => {
    const old = copy();
    old.version = 1;
    for (const p of old.procedures) {
      delete p.fee.periods;
      delete p.fee.cases;
      if (p.timeLimit.unit === 'half-day') p.timeLimit = { amount: 1, unit: 'working-days' };
    }
    const result = validateCatalog(old);
    expect(result.ok).toBe(true);
    if (result.ok) {
      const tamTru = findProcedure(result.catalog, '1.004194')!;
      expect(tamTru.fee).not.toHaveProperty('periods');
      // Without periods the standing rule applies to everyone, every day.
      expect(amount(tamTru.fee, 'inPerson', '2026-12-01', true)).toBe(15000);
    }
  });

  it.each([
    ['an end before the start', (p: any) => (p.fee.periods[0].until = '2026-01-01'), /periods\[0\]\.until: is before from/],
    ['an unknown condition', (p: any) => (p.fee.periods[0].condition = 'vip'), /periods\[0\]\.condition: must be one of/],
    ['a period without a reason', (p: any) => delete p.fee.periods[0].reason, /periods\[0\]\.reason: must be an object/],
    [
      'a period that sets no rule',
      (p: any) => (delete p.fee.periods[0].inPerson, delete p.fee.periods[0].online),
      /periods\[0\]: must set inPerson, online or both/,
    ],
    [
      'a closed counter in a period',
      (p: any) => (p.fee.periods[0].inPerson = { kind: 'unavailable' }),
      /periods\[0\]\.inPerson: the counter is always available/,
    ],
    ['a bad date', (p: any) => (p.fee.periods[0].from = '15/08/2026'), /periods\[0\]\.from: must be a real date/],
    ['a repeated case id', (p: any) => p.fee.cases.push(p.fee.cases[0]), /duplicate fee case id/],
    ['a case with an unknown unit', (p: any) => (p.fee.cases[0].inPerson.per = 'household'), /cases\[0\]\.inPerson\.per: must be one of/],
  ])('refuses %s', (_label, mutate, expected) => {
    const c = copy();
    mutate(slug(c, 'dang-ky-tam-tru'));
    const result = validateCatalog(c);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors.some((e) => expected.test(e)), result.ok ? '' : result.errors.join('\n')).toBe(true);
  });
});

describe('computed fees follow the fee data and its periods', () => {
  const standing = { kind: 'per-page', firstPages: 2, firstPageVnd: 2000, laterPageVnd: 1000, maxPerCopyVnd: 200000 } as const;
  const fee: FeeLine = {
    inPerson: standing,
    online: standing,
    periods: [{ from: '2026-11-01', until: '2026-11-30', inPerson: { kind: 'free' }, reason: L('Miễn phí thử'), basis: 'Quyết định thử' }],
  };
  const f = makeForm([
    { id: 'pages', kind: 'number', integer: true, min: 1, label: L('Trang') },
    { id: 'copies', kind: 'number', integer: true, min: 1, label: L('Bản') },
    { id: 'fee', kind: 'computed', compute: 'copy-fee', args: { pages: 'pages', copies: 'copies' }, fee, unit: 'vnd', label: L('Phí') },
  ]);

  it('uses the waiver during its period and the standing rule after it, with no code change', () => {
    expect(accepted(f, { pages: 3, copies: 2 }, { ...OPTIONS, today: day('2026-11-28') }).fee).toBe(0);
    expect(accepted(f, { pages: 3, copies: 2 }, { ...OPTIONS, today: day('2026-12-01') }).fee).toBe(10000);
  });

  it('the certified-copy form reads the catalogue’s fee of today', () => {
    const answers = accepted(form('chung-thuc-ban-sao'), { ...VALID['chung-thuc-ban-sao@1'] }, OPTIONS);
    expect(answers.totalFee).toBe(6000 + 28000);
  });
});
