/**
 * Hostile text: control characters, bidi overrides and isolates, lone surrogates, invisible
 * answers and names without a letter are refused by the one validator, on the phone (the answers
 * in memory) and on the server (the push gate, after a JSON round trip) with the same field
 * errors; non-NFC text is normalised; lengths are counted in graphemes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FORM_VERSIONS } from '../../../src/content/forms';
import type { Field, FormDefinition } from '../../../src/domain/form-schema';
import { checkSubmission } from '../../../src/domain/validate';
import { checkPushItem } from '../../../src/server/sync/push-request';
import { VALID } from './fixtures';
import { BA_DINH, L, OPTIONS, TODAY, accepted, codes, makeForm, photo } from './helpers';

const NOW = Date.UTC(TODAY.year, TODAY.month - 1, TODAY.day, 5);
const HOSTILE_CODES = ['control-character', 'bidi-control', 'lone-surrogate'];
/** What must never reach the database in any string: C0/C1 but tab and line breaks, bidi controls, lone surrogates. */
const FORBIDDEN =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const form = makeForm([
  { id: 'name', kind: 'text', isName: true, maxLength: 10, label: L('Tên') },
  { id: 'note', kind: 'text', label: L('Ghi chú') },
  { id: 'story', kind: 'longtext', maxLength: 20, label: L('Trình bày') },
  { id: 'home', kind: 'address', label: L('Địa chỉ') },
  { id: 'paper', kind: 'attachment', label: L('Ảnh') },
]);

describe('hostile text in one field', () => {
  it.each([
    ['a NUL', 'Hoa\u0000', 'control-character'],
    ['an escape sequence', '\u001b[2JHoa', 'control-character'],
    ['a C1 control (NEL)', 'Hoa\u0085', 'control-character'],
    ['DEL', 'Ho\u007fa', 'control-character'],
    ['a tab in single-line text', 'Nguyễn\tHoa', 'control-character'],
    ['a line break in single-line text', 'Nguyễn\nHoa', 'control-character'],
    ['RIGHT-TO-LEFT OVERRIDE', 'số \u202e21', 'bidi-control'],
    ['LEFT-TO-RIGHT EMBEDDING', '\u202aHoa', 'bidi-control'],
    ['FIRST STRONG ISOLATE', 'Hoa\u2068x\u2069', 'bidi-control'],
    ['a lone high surrogate', 'Hoa\ud83d', 'lone-surrogate'],
    ['a lone low surrogate', '\ude00Hoa', 'lone-surrogate'],
  ])('%s is refused in text and names', (_what, value, code) => {
    expect(codes(form, { name: value })).toEqual([`name:${code}`]);
    expect(codes(form, { note: value })).toEqual([`note:${code}`]);
  });

  it('long text allows tab and line breaks (CRLF becomes LF) but nothing else', () => {
    expect(accepted(form, { story: 'Dòng 1\r\n\tDòng 2' }).story).toBe('Dòng 1\n\tDòng 2');
    expect(codes(form, { story: 'Dòng 1\u000bDòng 2' })).toEqual(['story:control-character']);
    expect(codes(form, { story: 'Dòng \u202e1' })).toEqual(['story:bidi-control']);
  });

  it('a name needs a letter; any text needs something visible', () => {
    expect(codes(form, { name: '12345' })).toEqual(['name:name-no-letter']);
    expect(codes(form, { name: '...' })).toEqual(['name:name-no-letter']);
    expect(codes(form, { name: '\u200b\u200d' })).toEqual(['name:invisible-text']);
    expect(codes(form, { name: '\u0301\u0323' })).toEqual(['name:invisible-text']);
    expect(codes(form, { note: '\u200b \u200c' })).toEqual(['note:invisible-text']);
    // Digits are fine where the field is not a name (a register number, "Quyển số 12").
    expect(accepted(form, { note: '12' }).note).toBe('12');
    expect(accepted(form, { name: 'Ê Đê' }).name).toBe('Ê Đê');
  });

  it('normalises decomposed Vietnamese to NFC rather than refusing it', () => {
    const nfd = 'Nguyễn Thị Hoa'.normalize('NFD');
    expect(nfd).not.toBe(nfd.normalize('NFC'));
    expect(accepted(form, { note: nfd }).note).toBe('Nguyễn Thị Hoa');
  });

  it('counts lengths in graphemes, and caps stacked marks', () => {
    // 10 graphemes, 20 UTF-16 units once NFC cannot compose them (a letter with two marks each).
    const stacked = 'ậ̃'.repeat(10);
    expect(stacked.normalize('NFC').length).toBeGreaterThan(10);
    expect(accepted(form, { name: stacked }).name).toBe(stacked.normalize('NFC'));
    expect(codes(form, { name: 'ậ̃'.repeat(11) })).toEqual(['name:too-long']);
    // One family emoji is one grapheme of 11 units.
    expect(accepted(form, { story: '👨‍👩‍👧‍👦'.repeat(20) }).story).toHaveLength(220);
    // A letter with hundreds of marks is one grapheme, but not a name.
    expect(codes(form, { name: `a${'\u0301'.repeat(200)}` })).toEqual(['name:too-long']);
  });

  it('applies to every part of an address and to a photo’s file name', () => {
    expect(codes(form, { home: { ...BA_DINH, detail: 'Số 5 \u202eA' } })).toEqual(['home:bidi-control']);
    expect(codes(form, { home: { freeText: 'Thôn 3\u0000' } })).toEqual(['home:control-character']);
    expect(codes(form, { home: { freeText: '\u200b' } })).toEqual(['home:invisible-text']);
    expect(codes(form, { paper: [photo('a', 'giay\u202egpj.exe')] })).toEqual(['paper:bidi-control']);
  });
});

/** What the server sees of a push item: the JSON the phone would send, parsed. */
function serverCheck(target: FormDefinition, answers: unknown) {
  const item = {
    id: '0b7e1c2a-3d4e-4f5a-8b6c-7d8e9f0a1b2c',
    formId: target.id,
    formVersion: target.version,
    communeCode: '00004',
    answers,
    submittedAt: NOW - 60_000,
    consent: { version: 'consent-dossier-2026-11-28', lang: 'vi', agreedAt: NOW - 120_000 },
  };
  return checkPushItem(JSON.parse(JSON.stringify(item)) as Record<string, unknown>, {
    communeCode: '00004',
    today: TODAY,
    now: NOW,
    forms: [target],
  });
}

/** Every string a deep value holds. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

/** Text-like fields of a form at the top level, where a fixture answer can be replaced. */
function textFields(target: FormDefinition): Field[] {
  return target.fields.filter(
    (f) => (f.kind === 'text' || f.kind === 'longtext') && (!f.showIf || f.id in (VALID[`${target.id}@${target.version}`] ?? {})),
  );
}

const hostileChar = fc
  .oneof(
    fc.integer({ min: 0, max: 0x1f }),
    fc.integer({ min: 0x7f, max: 0x9f }),
    fc.integer({ min: 0x202a, max: 0x202e }),
    fc.integer({ min: 0x2066, max: 0x2069 }),
    fc.integer({ min: 0xd800, max: 0xdfff }),
  )
  .map((code) => String.fromCharCode(code));
/** Any UTF-16 unit at all, hostile ones often: what a hostile client can put in a JSON string. */
const anyUnit = fc.oneof(
  hostileChar,
  fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
  fc.constantFrom('a', 'ễ', ' '),
);

describe.each(FORM_VERSIONS.map((f) => [`${f.id}@${f.version}`, f] as const))('%s: phone and server agree', (name, target) => {
  const base = VALID[name];
  const fields = textFields(target);
  it.skipIf(!base || fields.length === 0)('on any text put in any text field, and never accept a hostile character', () => {
    fc.assert(
      fc.property(fc.constantFrom(...fields), fc.string({ unit: anyUnit, maxLength: 40 }), (field, value) => {
        const answers = { ...base, [field.id]: value };
        const phone = checkSubmission(target, answers, OPTIONS);
        const server = serverCheck(target, answers);
        if (phone.ok) {
          expect(server.ok && server.submission.answers).toStrictEqual(phone.answers);
          for (const text of strings(phone.answers)) expect(text).not.toMatch(FORBIDDEN);
        } else {
          expect(server.ok ? [] : server.result.errors).toStrictEqual(phone.errors);
        }
      }),
      { numRuns: 300 },
    );
  });

  it.skipIf(!base || fields.length === 0)('refuses a hostile character anywhere in a valid answer, with a hostile-text code', () => {
    fc.assert(
      fc.property(fc.constantFrom(...fields), hostileChar, fc.nat(), (field, bad, at) => {
        const good = typeof base![field.id] === 'string' ? (base![field.id] as string) : 'Nguyễn Thị Hoa';
        // Tab and line breaks are fine in long text; a surrogate pair is not lone.
        if (field.kind === 'longtext' && /[\t\n\r]/.test(bad)) return;
        const i = at % (good.length + 1);
        const value = good.slice(0, i) + bad + good.slice(i);
        if (!FORBIDDEN.test(value) && !/[\t\n\r]/.test(value)) return;
        const answers = { ...base, [field.id]: value };
        const phone = checkSubmission(target, answers, OPTIONS);
        expect(phone.ok).toBe(false);
        const mine = phone.ok ? [] : phone.errors.filter((e) => e.field === field.id);
        expect(mine.length).toBe(1);
        expect(HOSTILE_CODES).toContain(mine[0]!.code);
        const server = serverCheck(target, answers);
        expect(server.ok ? [] : server.result.errors).toStrictEqual(phone.ok ? [] : phone.errors);
      }),
      { numRuns: 200 },
    );
  });
});
