/**
 * The architecture's import arrows (.config/eslint.config.mjs) fire where they should and only
 * there. Each case lints a few lines of code under a virtual path: ESLint decides by the path
 * alone, so the folders need not exist (console/, ui/, crypto/ and src/server/sync do not yet).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURE = 'tests/lint/fixtures/domain-imports-storage.ts';

/** The first words of each row's message in the config. */
const MESSAGE = {
  domain: 'domain/ is pure TypeScript',
  storage: "storage/ is the phone's database",
  sync: 'sync/ is the DOM-free sync engine',
  ui: 'ui/ is Preact pieces',
  app: 'app/ is the field PWA',
  console: 'console/ is the officer console',
  server: 'server/ runs on Node',
  serviceWorker: 'The service worker imports only',
  normalized: 'Write relative imports normalized',
};

let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT, overrideConfigFile: '.config/eslint.config.mjs' });
});

async function lint(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, filePath) });
  return result!.messages.map((message) => `${message.ruleId}: ${message.message}`);
}

/** Code that imports `specifier` and uses what it got (so no other rule has anything to say). */
const importing = (specifier: string) => `import { thing } from '${specifier}';\nexport const used = thing;\n`;

describe('the arrows report a forbidden import with the message of their folder', () => {
  it.each([
    ['src/domain/fixture.ts', '../storage/db', MESSAGE.domain],
    ['src/domain/fixture.ts', '../content/forms', MESSAGE.domain],
    ['src/domain/nested/fixture.ts', '../../../src/sync/engine', MESSAGE.domain],
    ['src/domain/fixture.ts', 'dexie', MESSAGE.domain],
    ['src/domain/fixture.ts', 'node:crypto', MESSAGE.domain],
    ['src/server/http/fixture.ts', '../../sync/engine', MESSAGE.server],
    ['src/server/fixture.ts', '../sync/engine', MESSAGE.server],
    ['src/server/db/fixture.ts', 'dexie', MESSAGE.server],
    ['src/app/fixture.tsx', '../console/screens/Queue', MESSAGE.app],
    ['src/app/components/form/fixture.tsx', '../../../console/Queue', MESSAGE.app],
    ['src/app/fixture.ts', '../server/app', MESSAGE.app],
    ['src/console/fixture.tsx', '../app/App', MESSAGE.console],
    ['src/console/screens/fixture.tsx', '../../app/router', MESSAGE.console],
    ['src/sync/fixture.ts', 'preact', MESSAGE.sync],
    ['src/sync/fixture.ts', 'preact/hooks', MESSAGE.sync],
    ['src/sync/fixture.ts', '../app/sync-client', MESSAGE.sync],
    ['src/storage/fixture.ts', '../sync/engine', MESSAGE.storage],
    ['src/ui/fixture.tsx', '../storage/outbox', MESSAGE.ui],
    ['service-worker/fixture.ts', '../src/app/router', MESSAGE.serviceWorker],
    ['service-worker/fixture.ts', '../src/server/app', MESSAGE.serviceWorker],
    ['src/domain/fixture.ts', './../storage/db', MESSAGE.normalized],
    ['src/server/http/fixture.ts', '../db/../../sync/engine', MESSAGE.normalized],
  ])('%s importing %s', async (filePath, specifier, message) => {
    const messages = await lint(filePath, importing(specifier));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^no-restricted-imports: /);
    expect(messages[0]).toContain(message);
  });

  it('a type-only import counts too', async () => {
    const messages = await lint('src/domain/fixture.ts', "import type { McldDb } from '../storage/db';\nexport type Leak = McldDb;\n");
    expect(messages).toEqual([expect.stringContaining(MESSAGE.domain)]);
  });

  it('so do import() and typeof import()', async () => {
    const dynamic = await lint('src/sync/fixture.ts', "export const load = () => import('../app/App');\n");
    expect(dynamic).toEqual([expect.stringMatching(/^no-restricted-syntax: sync\/ is the DOM-free sync engine/)]);
    const typeQuery = await lint('src/domain/fixture.ts', "export type Db = typeof import('../storage/db');\n");
    expect(typeQuery).toEqual([expect.stringMatching(/^no-restricted-syntax: domain\/ is pure TypeScript/)]);
  });
});

describe('the arrows leave allowed imports alone', () => {
  it.each([
    // src/server/sync (the server's own) is not src/sync (the phone's): the depth tells them apart.
    ['src/server/http/fixture.ts', '../sync/push'],
    ['src/server/fixture.ts', './sync/push'],
    ['src/server/http/fixture.ts', '../../domain/protocol'],
    ['src/server/http/fixture.ts', 'hono'],
    ['src/domain/fixture.ts', './form-schema'],
    ['src/content/forms/fixture.ts', '../../domain/form-schema'],
    ['src/i18n/fixture.ts', 'i18next'],
    ['src/storage/fixture.ts', 'dexie'],
    ['src/sync/fixture.ts', '../storage/outbox'],
    ['src/ui/fixture.tsx', 'preact/hooks'],
    ['src/app/screens/fixture.tsx', '../../sync/engine'],
    ['service-worker/fixture.ts', '../src/sync/engine'],
    ['tests/unit/fixture.ts', '../../src/server/app'],
  ])('%s importing %s', async (filePath, specifier) => {
    expect(await lint(filePath, importing(specifier))).toEqual([]);
  });
});

describe('the fixture with a deliberate violation', () => {
  it('is left out of the normal lint run', async () => {
    expect(await eslint.isPathIgnored(path.join(ROOT, FIXTURE))).toBe(true);
  });

  it('fires the domain rule when it stands in src/domain/', async () => {
    const code = readFileSync(path.join(ROOT, FIXTURE), 'utf8');
    const messages = await lint('src/domain/domain-imports-storage.ts', code);
    expect(messages).toEqual([expect.stringContaining(MESSAGE.domain)]);
    expect(messages[0]).toContain("'../storage/db'");
  });
});

it('a file deeper than the generated blocks reach is an error, not a blind spot', async () => {
  const messages = await lint('src/app/a/b/c/d/e/f/fixture.ts', 'export const deep = 1;\n');
  expect(messages).toEqual([expect.stringContaining('raise MAX_DEPTH')]);
});
