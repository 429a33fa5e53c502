/**
 * A stale catalogue is noticed, not shipped: every `verifiedOn` in src/content/ (in data and in
 * the file comments that name a form's source) must be at most 12 months old on the real date of
 * the run (`new Date()`), and not in the future. When this fails, check the figures against their
 * sources again and move the date, or mark what could not be checked "(cần xác minh)".
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_CATALOG } from '../../../src/content/catalog';
import { CONSENT_VERSIONS } from '../../../src/content/consent';
import { HOLIDAY_CALENDARS } from '../../../src/content/holidays';
import { LEVELS_SOURCE } from '../../../src/content/service-levels';

const ROOT = join(import.meta.dirname, '..', '..', '..', 'src', 'content');
const MAX_AGE_MONTHS = 12;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** `verifiedOn: 2026-12-01`, `verifiedOn: '…'`, `VERIFIED_ON = '…'`, `FORMS_VERIFIED_ON = '…'`. */
const DATE_NEAR_NAME = /\b(?:verifiedOn|VERIFIED_ON\w*|\w+_VERIFIED_ON)\b\s*[:=]\s*['"]?(\d{4}-\d{2}-\d{2})/g;

function inFiles(): Array<[string, string]> {
  return files(ROOT).flatMap((path) =>
    [...readFileSync(path, 'utf8').matchAll(DATE_NEAR_NAME)].map((m) => [relative(ROOT, path), m[1]!] as [string, string]),
  );
}

/** Every `verifiedOn` reachable from the exported content objects. */
function inData(): Array<[string, string]> {
  const found: Array<[string, string]> = [];
  const walk = (value: unknown, path: string): void => {
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`));
    else if (typeof value === 'object' && value !== null) {
      for (const [k, v] of Object.entries(value)) {
        if (k === 'verifiedOn' && typeof v === 'string') found.push([path, v]);
        else walk(v, `${path}.${k}`);
      }
    }
  };
  walk({ BUNDLED_CATALOG, CONSENT_VERSIONS, HOLIDAY_CALENDARS, LEVELS_SOURCE }, 'content');
  return found;
}

/** The first day a check is too old: 12 months before today (UTC). */
function oldestAllowed(today: Date): string {
  const limit = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - MAX_AGE_MONTHS, today.getUTCDate()));
  return limit.toISOString().slice(0, 10);
}

describe('content freshness', () => {
  const today = new Date();
  const todayIso = today.toISOString().slice(0, 10);
  const found = [...inFiles(), ...inData()];

  it('finds the check dates of the catalogue, the forms, the consent and the calendars', () => {
    expect(inData().length).toBeGreaterThan(15);
    expect(inFiles().length).toBeGreaterThan(20);
  });

  it(`has no verifiedOn older than ${MAX_AGE_MONTHS} months (today ${todayIso})`, () => {
    const limit = oldestAllowed(today);
    const stale = found.filter(([, date]) => date < limit).map(([where, date]) => `${where}: ${date}`);
    expect(stale, `checked before ${limit}: verify again`).toEqual([]);
  });

  it('has no verifiedOn in the future', () => {
    // One day of slack for a clock in another time zone than Vietnam.
    const tomorrow = new Date(today.getTime() + 86_400_000).toISOString().slice(0, 10);
    expect(found.filter(([, date]) => date > tomorrow)).toEqual([]);
  });

  it('counts 12 months on the calendar', () => {
    expect(oldestAllowed(new Date('2026-12-01T10:00:00Z'))).toBe('2025-12-01');
    expect(oldestAllowed(new Date('2027-03-01T10:00:00Z'))).toBe('2026-03-01');
  });
});
