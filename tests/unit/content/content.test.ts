import { describe, expect, it } from 'vitest';
import type { Localized } from '../../../src/domain/localized';
import { parseIsoDate } from '../../../src/domain/dates';
import { INFORMATION_ONLY, LEVELS_SOURCE, ONLINE_CATEGORIES, SERVICE_LEVELS } from '../../../src/content/service-levels';
import { BENEFITS } from '../../../src/content/benefits';
import { QUIZ } from '../../../src/content/quiz';
import { BUNDLED_CATALOG } from '../../../src/content/catalog';

function isLocalized(value: unknown): value is Localized {
  if (typeof value !== 'object' || value === null) return false;
  const keys = Object.keys(value);
  return keys.length === 2 && keys.includes('vi') && keys.includes('en');
}

/** Every Localized and every string reachable from a value, with its path. */
function walk(value: unknown, path: string, found: { localized: [string, Localized][]; strings: [string, string][] }) {
  if (typeof value === 'string') found.strings.push([path, value]);
  else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`, found));
  else if (typeof value === 'object' && value !== null) {
    if (isLocalized(value)) found.localized.push([path, value]);
    for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`, found);
  }
  return found;
}

const CONTENT = { SERVICE_LEVELS, ONLINE_CATEGORIES, INFORMATION_ONLY, BENEFITS, QUIZ, BUNDLED_CATALOG };
const found = walk(CONTENT, 'content', { localized: [], strings: [] });

describe('all explainer and catalogue texts', () => {
  it('were found by the walk (the test is looking at real content)', () => {
    expect(found.localized.length).toBeGreaterThan(100);
  });

  it('have non-empty Vietnamese and English', () => {
    for (const [path, text] of found.localized) {
      expect(typeof text.vi, path).toBe('string');
      expect(typeof text.en, path).toBe('string');
      expect(text.vi.trim(), path).not.toBe('');
      expect(text.en.trim(), path).not.toBe('');
    }
  });

  it('are stored in NFC', () => {
    for (const [path, s] of found.strings) expect(s === s.normalize('NFC'), path).toBe(true);
  });

  it('are really translated (Vietnamese and English differ)', () => {
    for (const [path, text] of found.localized) expect(text.vi, path).not.toBe(text.en);
  });

  it('mark a doubt in both languages or in neither', () => {
    for (const [path, text] of found.localized) {
      expect(text.vi.includes('(cần xác minh)'), path).toBe(text.en.includes('(to verify)'));
    }
  });
});

describe('service levels', () => {
  it('lists levels 1 to 4 in order, each mapped to a category', () => {
    expect(SERVICE_LEVELS.map((l) => l.level)).toEqual([1, 2, 3, 4]);
    for (const l of SERVICE_LEVELS) expect(['information', 'mot-phan', 'toan-trinh']).toContain(l.category);
    expect(SERVICE_LEVELS.find((l) => l.level === 4)?.category).toBe('toan-trinh');
    expect(SERVICE_LEVELS.find((l) => l.level === 3)?.category).toBe('mot-phan');
  });

  it('agrees with the Decree 42/2022 categories in both directions', () => {
    expect(ONLINE_CATEGORIES.map((c) => c.id).sort()).toEqual(['mot-phan', 'toan-trinh']);
    for (const category of ONLINE_CATEGORIES) {
      const levels = SERVICE_LEVELS.filter((l) => l.category === category.id).map((l) => l.level);
      expect([...category.levels].sort()).toEqual(levels.sort());
    }
  });

  it('names its legal sources and a real check date', () => {
    expect(LEVELS_SOURCE.source).toContain('43/2011/NĐ-CP');
    expect(LEVELS_SOURCE.source).toContain('42/2022/NĐ-CP');
    expect(parseIsoDate(LEVELS_SOURCE.verifiedOn)).not.toBeNull();
  });
});

describe('benefits', () => {
  it('covers what the outreach plan names, once each', () => {
    const ids = BENEFITS.map((b) => b.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ['time', 'travel-cost', 'any-time', 'no-intermediaries', 'transparency']) expect(ids).toContain(id);
  });
});

describe('quiz', () => {
  it('has four answerable questions', () => {
    expect(QUIZ).toHaveLength(4);
    expect(new Set(QUIZ.map((q) => q.id)).size).toBe(4);
    for (const q of QUIZ) {
      const optionIds = q.options.map((o) => o.id);
      expect(optionIds.length, q.id).toBeGreaterThanOrEqual(2);
      expect(new Set(optionIds).size, q.id).toBe(optionIds.length);
      expect(optionIds, q.id).toContain(q.correctOptionId);
    }
  });

  it('does not always hide the answer in the same place', () => {
    expect(new Set(QUIZ.map((q) => q.correctOptionId)).size).toBeGreaterThan(1);
  });
});
