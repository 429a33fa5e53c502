// ESLint flat config. Run it as `npm run lint` (eslint --config .config/eslint.config.mjs): the
// top level of the repository holds only what the design card lists, so this file lives here.
//
// Most of it is the architecture: which folder may import which. Read the table below first.
import path from 'node:path';
import { builtinModules } from 'node:module';
import { defineConfig } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** The repository root: every pattern below is relative to it, wherever eslint is started from. */
const ROOT = path.resolve(import.meta.dirname, '..');

// ---------------------------------------------------------------------------------------------
// The arrows.
//
// Every folder of src/ (and the service worker) says which folders of src/ it MAY import and
// which it must NEVER import; together they name every folder in SRC_FOLDERS (checked below, so a
// new folder has to be placed in every row). `packages` lists npm packages and Node built-ins it
// must never import. Each row has ONE message, shown for every import it forbids.
// Tests (tests/**) and vite.config.ts may import anything.
// ---------------------------------------------------------------------------------------------

/** Every folder of src/, existing or planned (console/, ui/ and crypto/ are still to come). */
const SRC_FOLDERS = ['domain', 'content', 'i18n', 'crypto', 'storage', 'sync', 'ui', 'app', 'console', 'server'];

/** Any bare specifier: an npm package or a Node built-in. */
const ANY_PACKAGE = ['*'];
const NODE_ONLY = ['node:*', ...builtinModules];
const SERVER_PACKAGES = ['hono', 'hono-*', '@hono/*', 'better-sqlite3', 'pg', 'pg-*'];
const BROWSER_STORAGE = ['dexie', 'idb-keyval'];
const PREACT = ['preact', 'preact-*', '@preact/*'];
const WORKBOX = ['workbox-*'];

const ARROWS = [
  {
    folder: 'src/domain',
    may: [],
    never: ['content', 'i18n', 'crypto', 'storage', 'sync', 'ui', 'app', 'console', 'server'],
    packages: ANY_PACKAGE,
    message: 'domain/ is pure TypeScript (no DOM, no Node, no I/O): it imports nothing of ours outside domain/ and no package.',
  },
  {
    folder: 'src/content',
    may: ['domain'],
    never: ['i18n', 'crypto', 'storage', 'sync', 'ui', 'app', 'console', 'server'],
    packages: ANY_PACKAGE,
    message: 'content/ is data: it imports only domain/ (types, helpers) and content/, and no package.',
  },
  {
    folder: 'src/i18n',
    may: ['domain', 'content'],
    never: ['crypto', 'storage', 'sync', 'ui', 'app', 'console', 'server'],
    packages: [...PREACT, ...BROWSER_STORAGE, ...WORKBOX, ...SERVER_PACKAGES, ...NODE_ONLY],
    message: 'i18n/ is the translations: it imports only domain/, content/ and i18next.',
  },
  {
    folder: 'src/crypto',
    may: ['domain'],
    never: ['content', 'i18n', 'storage', 'sync', 'ui', 'app', 'console', 'server'],
    packages: [...PREACT, ...BROWSER_STORAGE, ...WORKBOX, ...SERVER_PACKAGES, ...NODE_ONLY],
    message:
      'crypto/ is WebCrypto helpers shared by page, service worker and server: it imports only domain/, and nothing DOM-only or Node-only.',
  },
  {
    folder: 'src/storage',
    may: ['domain', 'crypto'],
    never: ['content', 'i18n', 'sync', 'ui', 'app', 'console', 'server'],
    packages: [...PREACT, ...WORKBOX, ...SERVER_PACKAGES, ...NODE_ONLY, 'i18next'],
    message: "storage/ is the phone's database (page and service worker): it imports only domain/ and crypto/ (and Dexie, idb-keyval).",
  },
  {
    folder: 'src/sync',
    may: ['storage', 'domain', 'crypto'],
    never: ['content', 'i18n', 'ui', 'app', 'console', 'server'],
    packages: [...PREACT, 'workbox-window', ...SERVER_PACKAGES, ...NODE_ONLY, 'i18next'],
    message:
      'sync/ is the DOM-free sync engine (page and service worker): it imports only storage/, domain/ and crypto/; no UI, no i18n, no server.',
  },
  {
    folder: 'src/ui',
    may: ['domain', 'i18n', 'content'],
    never: ['crypto', 'storage', 'sync', 'app', 'console', 'server'],
    packages: [...BROWSER_STORAGE, ...WORKBOX, ...SERVER_PACKAGES, ...NODE_ONLY],
    message:
      'ui/ is Preact pieces shared by the field app and the console: it imports only domain/, i18n/ and content/ (data comes in as props).',
  },
  {
    folder: 'src/app',
    may: ['domain', 'content', 'i18n', 'crypto', 'storage', 'sync', 'ui'],
    never: ['console', 'server'],
    packages: [...SERVER_PACKAGES, ...NODE_ONLY],
    message: 'app/ is the field PWA: it never imports the officer console or the server (share code through ui/, domain/, content/).',
  },
  {
    folder: 'src/console',
    may: ['domain', 'content', 'i18n', 'crypto', 'storage', 'sync', 'ui'],
    never: ['app', 'server'],
    packages: [...SERVER_PACKAGES, ...NODE_ONLY],
    message: 'console/ is the officer console: it never imports the field app or the server (share code through ui/, domain/, content/).',
  },
  {
    folder: 'src/server',
    may: ['domain', 'content', 'crypto'],
    never: ['i18n', 'storage', 'sync', 'ui', 'app', 'console'],
    packages: [...PREACT, ...BROWSER_STORAGE, ...WORKBOX],
    message:
      "server/ runs on Node: it imports only domain/, content/, crypto/ and its own folders (src/server/sync is its own; src/sync is the phone's).",
  },
  {
    folder: 'service-worker',
    may: ['sync', 'storage', 'domain', 'crypto'],
    never: ['content', 'i18n', 'ui', 'app', 'console', 'server'],
    packages: [...PREACT, 'workbox-window', ...SERVER_PACKAGES, ...NODE_ONLY],
    message: 'The service worker imports only src/sync, src/storage, src/domain and src/crypto: no page code, no server code.',
  },
];

/** How deep below its folder a source file may sit and still be checked (deeper files are an error). */
const MAX_DEPTH = 5;

const NORMALIZED_MESSAGE =
  "Write relative imports normalized ('../x', never './../x' or 'a/../b'): the arrow rules count the '../' of each import.";

// ---------------------------------------------------------------------------------------------
// From the table to rules. Imports are relative and extensionless, and folder names repeat
// (src/server/sync is not src/sync), so a glob on the specifier cannot tell where an import
// lands. Instead each (folder, depth) gets its own files block, whose regexes require exactly
// the number of '../' that reaches src/<forbidden> from that depth. ESLint lets a later block
// override an earlier block's options for the same rule, so each file matches exactly ONE block,
// which carries all of its restrictions.
// ---------------------------------------------------------------------------------------------

for (const row of ARROWS) {
  const self = row.folder.startsWith('src/') ? [row.folder.slice('src/'.length)] : [];
  const listed = [...self, ...row.may, ...row.never];
  const missing = SRC_FOLDERS.filter((folder) => !listed.includes(folder));
  const unknown = listed.filter((folder) => !SRC_FOLDERS.includes(folder));
  const twice = listed.filter((folder, index) => listed.indexOf(folder) !== index);
  if (missing.length || unknown.length || twice.length) {
    throw new Error(`eslint arrows: ${row.folder} must place every folder once (missing ${missing}; unknown ${unknown}; twice ${twice})`);
  }
}

const escapeRegex = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A regex for specifiers that name one of these packages (or a subpath); '*' is one path segment. */
function packagesRegex(names) {
  if (names.includes('*')) return '^(?!\\.\\.?(?:/|$))';
  const alternatives = names.map((name) => escapeRegex(name).replaceAll('\\*', '[^/]*'));
  return `^(?:${alternatives.join('|')})(?:/|$)`;
}

/**
 * A regex for relative specifiers that reach src/<one of targets> from a file `depth` folders
 * below `folder`. It allows every normalized route: up to the nearest common folder and down,
 * or further up (to the root) and down again.
 */
function foldersRegex(folder, depth, targets) {
  const fileDir = [...folder.split('/'), ...Array(depth).fill('*')];
  const target = ['src', `(?:${targets.map(escapeRegex).join('|')})`];
  let common = 0;
  while (common < target.length - 1 && fileDir[common] === target[common]) common++;
  const routes = [];
  for (let level = common; level >= 0; level--) {
    const ups = fileDir.length - level;
    routes.push(`(?:\\.\\./){${ups}}${target.slice(level).join('/')}`);
  }
  return `^(?:${routes.join('|')})(?:/|$)`;
}

/** Relative specifiers with a '.' or '..' segment after the leading ones. */
const NOT_NORMALIZED = '^\\./\\.\\.?(?:/|$)|(?:^|/)[^./][^/]*/(?:.*/)?\\.\\.?(?:/|$)';

/** An esquery selector for string literals matching a regex (esquery wants '/' escaped). */
const literalMatching = (node, field, regex) => `${node}[${field}=/${regex.replaceAll('/', '\\/')}/i]`;

function restrictions(restricted) {
  return {
    'no-restricted-imports': ['error', { patterns: restricted.map(({ regex, message }) => ({ regex, message })) }],
    // no-restricted-imports sees import/export declarations only; these catch import('...') and
    // `typeof import('...')` with the same messages.
    'no-restricted-syntax': [
      'error',
      ...restricted.flatMap(({ regex, message }) => [
        { selector: literalMatching('ImportExpression', 'source.value', regex), message },
        { selector: literalMatching('TSImportType', 'source.value', regex), message },
      ]),
    ],
  };
}

function filesAt(folder, depth) {
  const dirs = Array(depth).fill('*/').join('');
  return [`${folder}/${dirs}*.ts`, `${folder}/${dirs}*.tsx`];
}

const arrowBlocks = ARROWS.flatMap((row) => [
  ...Array.from({ length: MAX_DEPTH + 1 }, (_, depth) => ({
    name: `arrows/${row.folder}/depth-${depth}`,
    files: filesAt(row.folder, depth),
    rules: restrictions([
      { regex: foldersRegex(row.folder, depth, row.never), message: row.message },
      { regex: packagesRegex(row.packages), message: row.message },
      { regex: NOT_NORMALIZED, message: NORMALIZED_MESSAGE },
    ]),
  })),
  {
    name: `arrows/${row.folder}/too-deep`,
    files: filesAt(row.folder, MAX_DEPTH + 1).map((pattern) => pattern.replace(/\/\*(\.tsx?)$/, '/**/*$1')),
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'Program',
          message: `Deeper than ${MAX_DEPTH} folders below ${row.folder}: raise MAX_DEPTH in .config/eslint.config.mjs.`,
        },
      ],
    },
  },
]);

export default defineConfig(
  { name: 'ignores', ignores: ['dist/', 'coverage/', 'data/', 'tests/lint/fixtures/', 'tests/e2e/.artifacts/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    name: 'project',
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // A leading underscore marks a binding kept on purpose (`{ consent: _dropped, ...rest }`).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Tests build malformed catalogues and envelopes on purpose.
    name: 'tests',
    files: ['tests/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  ...arrowBlocks,
).map((config) => ({ ...config, basePath: ROOT }));
