/** Every key the code uses exists in both locales, and no locale has keys the other lacks. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { vi } from '../../../src/i18n/locales/vi';
import { en } from '../../../src/i18n/locales/en';
import { consoleVi } from '../../../src/i18n/console/vi';
import { consoleEn } from '../../../src/i18n/console/en';
import { VALIDATION_CODES } from '../../../src/domain/validate';
import { DOSSIER_STATUSES } from '../../../src/domain/protocol';
import { CCCD_QR_ERRORS } from '../../../src/domain/cccd-qr';
import { ATTACH_PROBLEMS } from '../../../src/app/photo/attach-file';
import { ADVICE_KEYS } from '../../../src/app/outbox-advice';
import { HANDOFF_ERROR_KEYS } from '../../../src/app/handoff-errors';
import { ENROL_PROBLEMS } from '../../../src/app/use-cases/enrol-device';
import { OUTBOX_STATES } from '../../../src/domain/outbox-state';
import { STORY_STEP_KINDS } from '../../../src/domain/dossier-story';
import { FOLLOW_PROBLEMS } from '../../../src/sync/follow';
import { VISIT_TOPICS, VNEID_RESULTS } from '../../../src/domain/visit';
import { VISIT_STATES } from '../../../src/storage/db';
import { PIN_PROBLEMS } from '../../../src/domain/lock-policy';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : flatten(value, `${prefix}${key}.`),
  );
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

const viKeys = new Set(flatten(vi as unknown as Tree));
const enKeys = new Set(flatten(en as unknown as Tree));
const has = (keys: Set<string>, key: string) => keys.has(key) || keys.has(`${key}_other`);

/** Keys the code builds at run time (`errors.${code}`), listed from the unions they come from. */
const dynamic = [
  ...VALIDATION_CODES.map((code) => `errors.${code}`),
  ...DOSSIER_STATUSES.map((status) => `status.${status}`),
  ...OUTBOX_STATES.map((state) => `outbox.state.${state}`),
  'sync2.stateRetrying',
  ...CCCD_QR_ERRORS.map((code) => `errors.${code}`),
  ...ATTACH_PROBLEMS.map((problem) => `photo.errors.${problem}`),
  ...ADVICE_KEYS.flatMap((key) => [`sync2.errors.${key}.message`, `sync2.errors.${key}.action`]),
  ...HANDOFF_ERROR_KEYS.map((key) => `handoff.errors.${key}`),
  ...ENROL_PROBLEMS.map((problem) => `device.problems.${problem}`),
  ...STORY_STEP_KINDS.map((kind) => `receipt.steps.${kind}`),
  ...FOLLOW_PROBLEMS.map((problem) => `follow.problems.${problem}`),
  ...VISIT_STATES.map((state) => `visits.state.${state}`),
  ...VISIT_TOPICS.map((topic) => `visits.topic.${topic}`),
  ...VNEID_RESULTS.map((result) => `visits.vneidResult.${result}`),
  ...PIN_PROBLEMS.map((problem) => `security.problems.${problem}`),
];

describe('locales', () => {
  it('have exactly the same keys', () => {
    expect([...enKeys].sort()).toEqual([...viKeys].sort());
  });

  it('have no empty strings, and Vietnamese is NFC', () => {
    for (const [locale, tree] of [
      ['vi', vi],
      ['en', en],
    ] as const) {
      const walk = (t: Tree, path: string) => {
        for (const [k, v] of Object.entries(t)) {
          if (typeof v === 'string') {
            expect(v.trim(), `${locale}:${path}${k}`).not.toBe('');
            expect(v, `${locale}:${path}${k}`).toBe(v.normalize('NFC'));
          } else walk(v, `${path}${k}.`);
        }
      };
      walk(tree as unknown as Tree, '');
    }
  });

  it('contain every key the code uses', () => {
    const root = join(import.meta.dirname, '..', '..', '..', 'src');
    const used = new Set<string>();
    // The console (src/console) has its own strings, checked below.
    for (const file of sourceFiles(root).filter((f) => !f.startsWith(join(root, 'console')))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g)) used.add(m[1] as string);
    }
    expect(used.size).toBeGreaterThan(20);
    for (const key of used) {
      expect(has(viKeys, key), `vi lacks ${key}`).toBe(true);
      expect(has(enKeys, key), `en lacks ${key}`).toBe(true);
    }
  });

  it('the console’s strings contain every key the console uses', () => {
    const root = join(import.meta.dirname, '..', '..', '..', 'src', 'console');
    const cvi = new Set(flatten(consoleVi as unknown as Tree));
    const cen = new Set(flatten(consoleEn as unknown as Tree));
    const used = new Set<string>();
    for (const file of sourceFiles(root)) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g)) used.add(m[1] as string);
    }
    expect(used.size).toBeGreaterThan(20);
    for (const key of used) {
      expect(has(cvi, key), `console vi lacks ${key}`).toBe(true);
      expect(has(cen, key), `console en lacks ${key}`).toBe(true);
    }
  });

  it('translate every value of the keys built at run time', () => {
    for (const key of dynamic) {
      expect(viKeys.has(key), `vi lacks ${key}`).toBe(true);
      expect(enKeys.has(key), `en lacks ${key}`).toBe(true);
    }
  });

  it('have no key the code never uses', () => {
    const root = join(import.meta.dirname, '..', '..', '..', 'src');
    const code = sourceFiles(root)
      .filter((file) => !file.includes(`${join('i18n', 'locales')}`))
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    const built = new Set(dynamic);
    const stray = [...viKeys].filter((key) => {
      const base = key.replace(/_(zero|one|other)$/, '');
      return !built.has(base) && !code.includes(`'${base}'`) && !code.includes(`"${base}"`);
    });
    expect(stray).toEqual([]);
  });
});
