/** The visit's shared validator (the OTP refusal above all), household keys, weeks, and the report's pure arithmetic. */
import { describe, expect, it } from 'vitest';
import { readVillageInput } from '../../../src/domain/campaign';
import { daysBetween, formatShare, reportPeriods, reportRow, vietnamMidnight, EMPTY_COUNTS } from '../../../src/domain/campaign-report';
import { StrictReader } from '../../../src/domain/strict-reader';
import {
  followUpsDue,
  householdKey,
  householdsVisited,
  looksLikeOtp,
  normalizeVisit,
  validateVisit,
  weekOf,
  type Visit,
} from '../../../src/domain/visit';
import { readVisit, readVisitPushResponse } from '../../../src/domain/visit-protocol';
import { makeVisit } from '../../fixtures/visits';

const context = { today: '2025-07-14', villageIds: new Set(['thon-3', 'thon-5']) };
const errorsOf = (visit: Visit) => validateVisit(normalizeVisit(visit), context);

describe('a household visit', () => {
  it('is valid as the fixture has it', () => {
    expect(errorsOf(makeVisit())).toEqual([]);
  });

  it.each([
    ['Mã OTP 482913', true],
    ['mã 482 913', true],
    ['48-29-13', true],
    ['mật khẩu 1234 5678', true],
    ['Gọi số 0912 345 678', false],
    ['0912345678', false],
    ['Hẹn 15/12/2026 ra công an', false],
    ['Số nhà 1234', false],
    ['Nhà có 3 người, 2 cháu', false],
  ])('"%s" looks like an OTP: %s', (text, otp) => {
    expect(looksLikeOtp(text)).toBe(otp);
  });

  it('refuses an OTP in the note, the follow-up note or the name, but not in the address', () => {
    expect(errorsOf(makeVisit({ note: 'OTP 123456' }))).toEqual([{ field: 'note', code: 'looks-like-otp' }]);
    expect(errorsOf(makeVisit({ followUp: { on: '2025-07-20', note: 'nhập mã 654321' } }))).toEqual([
      { field: 'followUp.note', code: 'looks-like-otp' },
    ]);
    expect(errorsOf(makeVisit({ householdHead: 'Páo 123456' }))).toEqual([{ field: 'householdHead', code: 'looks-like-otp' }]);
    expect(errorsOf(makeVisit({ addressDetail: 'Lô 123456 khu tái định cư' }))).toEqual([]);
  });

  it('says what is wrong with each field', () => {
    expect(
      errorsOf(
        makeVisit({
          villageId: 'thon-9',
          householdHead: '  ',
          addressDetail: '',
          visitedOn: '2025-07-15',
          followUp: { on: '2025-07-01' },
          dossierIds: ['not-a-uuid'],
          note: 'xem \u202e lại',
        }),
      ),
    ).toEqual([
      { field: 'villageId', code: 'unknown-village' },
      { field: 'householdHead', code: 'required' },
      { field: 'addressDetail', code: 'required' },
      { field: 'visitedOn', code: 'date-future' },
      { field: 'dossierIds', code: 'wrong-type' },
      { field: 'followUp.on', code: 'date-order' },
      { field: 'note', code: 'bidi-control' },
    ]);
    expect(errorsOf(makeVisit({ householdHead: '1 2 3' }))).toEqual([{ field: 'householdHead', code: 'name-no-letter' }]);
    expect(errorsOf(makeVisit({ visitedOn: '2025-02-30' }))).toEqual([{ field: 'visitedOn', code: 'date-format' }]);
  });

  it('is stored in NFC, trimmed, and counts a household once however its name was typed', () => {
    const nfd = normalizeVisit(makeVisit({ householdHead: '  Lò   Văn Páo '.normalize('NFD'), note: '   ' }));
    expect(nfd.householdHead).toBe('Lò Văn Páo');
    expect(nfd.note).toBeUndefined();
    expect(householdKey(makeVisit({ householdHead: 'lo van pao' }))).toBe(householdKey(makeVisit({ householdHead: 'Lò Văn Páo' })));
    const visits = [
      makeVisit({ visitedOn: '2025-07-07' }),
      makeVisit({ visitedOn: '2025-07-14', householdHead: 'LÒ VĂN PÁO' }),
      makeVisit({ visitedOn: '2025-07-14', householdHead: 'Vừ Thị Dua' }),
    ];
    expect(householdsVisited(visits, '2025-07-01', '2025-07-31')).toBe(2);
    expect(householdsVisited(visits, '2025-07-14', '2025-07-20')).toBe(2);
    expect(householdsVisited(visits, '2025-07-08', '2025-07-13')).toBe(0);
  });

  it('lists follow-ups due by the newest visit to each household', () => {
    const first = makeVisit({ visitedOn: '2025-07-01', followUp: { on: '2025-07-10' } });
    const other = makeVisit({ householdHead: 'Vừ Thị Dua', followUp: { on: '2025-07-16' } });
    const far = makeVisit({ householdHead: 'Giàng A Sử', followUp: { on: '2025-09-01' } });
    expect(followUpsDue([first, other, far], '2025-07-14').map((v) => v.id)).toEqual([first.id, other.id]);
    // Visited again without a follow-up: no longer due.
    const again = makeVisit({ visitedOn: '2025-07-12' });
    expect(followUpsDue([first, again, other], '2025-07-14').map((v) => v.id)).toEqual([other.id]);
  });

  it('reads from untrusted JSON without throwing, and reads the answer', () => {
    const r = new StrictReader();
    expect(readVisit(r, { ...makeVisit(), appInstalled: 'yes' }, 'item')).toBeUndefined();
    expect(r.errors).toEqual(['item.appInstalled: must be true or false']);
    expect(readVisit(new StrictReader(), JSON.parse(JSON.stringify(makeVisit())), 'item')).toBeDefined();
    const id = crypto.randomUUID();
    expect(readVisitPushResponse({ results: [{ id, version: 2, outcome: 'stored' }] })).toEqual({
      results: [{ id, version: 2, outcome: 'stored' }],
    });
    expect(
      readVisitPushResponse({ results: [{ id, version: 1, outcome: 'invalid', errors: [{ field: 'note', code: 'looks-like-otp' }] }] }),
    ).toBeDefined();
    expect(readVisitPushResponse({ results: [{ id, version: 1, outcome: 'eaten' }] })).toBeUndefined();
  });
});

describe('the campaign report arithmetic', () => {
  it('groups by ISO week (Monday) and by month, clipped to the range', () => {
    expect(weekOf('2025-07-14')).toBe('2025-07-14');
    expect(weekOf('2025-07-20')).toBe('2025-07-14');
    expect(weekOf('2025-01-01')).toBe('2024-12-30');
    expect(reportPeriods('2025-07-02', '2025-07-15', 'week')).toEqual([
      { key: '2025-06-30', from: '2025-07-02', to: '2025-07-06' },
      { key: '2025-07-07', from: '2025-07-07', to: '2025-07-13' },
      { key: '2025-07-14', from: '2025-07-14', to: '2025-07-15' },
    ]);
    expect(reportPeriods('2025-06-20', '2025-08-02', 'month').map((p) => [p.key, p.from, p.to])).toEqual([
      ['2025-06', '2025-06-20', '2025-06-30'],
      ['2025-07', '2025-07-01', '2025-07-31'],
      ['2025-08', '2025-08-01', '2025-08-02'],
    ]);
    expect(reportPeriods('2025-06-20', '2025-08-02', 'total')).toEqual([{ key: 'total', from: '2025-06-20', to: '2025-08-02' }]);
    expect(daysBetween('2025-07-01', '2025-07-31')).toBe(31);
    expect(vietnamMidnight('2025-07-14')).toBe(Date.UTC(2025, 6, 13, 17));
  });

  it('computes shares against households and the target, unknown without either', () => {
    const row = reportRow({ id: 'thon-3', name: 'Thôn 3', households: 40, targetHouseholds: 20 }, 'total', {
      ...EMPTY_COUNTS,
      householdsVisited: 5,
    });
    expect([row.visitedShare, row.targetProgress]).toEqual([0.125, 0.25]);
    const none = reportRow({ id: 'x', name: 'X', households: 0, targetHouseholds: 0 }, 'total', EMPTY_COUNTS);
    expect([none.visitedShare, none.targetProgress]).toEqual([null, null]);
    expect(formatShare(0.125)).toBe('13 %');
    expect(formatShare(null)).toBe('–');
  });

  it('refuses a village whose target exceeds its households, or whose name hides a bidi override', () => {
    expect(readVillageInput('thon-3', { name: 'Thôn 3', households: 5, targetHouseholds: 6 })).toEqual({ ok: false, reason: 'bad-target' });
    expect(readVillageInput('thon-3', { name: 'Th\u202eôn', households: 5 })).toEqual({ ok: false, reason: 'bad-name' });
    expect(readVillageInput('thôn-3', { name: 'Thôn', households: 5 })).toEqual({ ok: false, reason: 'bad-id' });
    expect(readVillageInput('thon-3', { name: ' Thôn  Bản Lướt ', households: 5 })).toEqual({
      ok: true,
      village: { id: 'thon-3', name: 'Thôn Bản Lướt', households: 5, targetHouseholds: 0 },
    });
  });
});
