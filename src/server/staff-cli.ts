/**
 * `npm run staff -- <command>`: staff accounts from a shell, on the database the server's own
 * environment names (DATA_DIR / DATABASE_PATH for SQLite, or DATABASE_URL for PostgreSQL), with
 * the same checks and audit entries as the admin API (accounts/staff-commands.ts; the actor is
 * recorded as `system`).
 *
 *   add <username> --role admin|officer|leader|outreach [--name "Họ tên"] [--village <id>]
 *       The password is read from standard input when something is piped in (one line), or
 *       generated and printed once. Either way it must be changed at the first login.
 *   disable <username>   ends the account's sessions and revokes its phones
 *   reset <username>     a generated password, printed once, to change at the next login
 *
 * Exit code 0 on success, 1 when the change was refused (the reason on stderr), 2 on a usage error.
 */
import { parseArgs } from 'node:util';
import { OWASP_SCRYPT } from './accounts/passwords';
import { createAccount, disableAccount, resetPassword, type StaffCommandDeps } from './accounts/staff-commands';
import { auditor } from './audit/audit-log';
import { ConfigError, loadConfig } from './config';
import { StoreOpenError, describeStore, openConfiguredStores } from './configured-stores';

const USAGE = `Usage:
  npm run staff -- add <username> --role admin|officer|leader|outreach [--name "Họ tên"] [--village <id>]
      (password from standard input, or generated and printed once)
  npm run staff -- disable <username>
  npm run staff -- reset <username>`;

const SYSTEM = { kind: 'system' } as const;

const REFUSALS: Record<string, string> = {
  'bad-username': 'The username must be 2–64 characters: lowercase letters, digits, dot, dash or underscore.',
  'bad-display-name': 'The name (--name) must contain a letter, at most 100 characters, and no control characters.',
  'bad-role': 'The role (--role) must be admin, officer, leader or outreach.',
  'bad-village': 'The village (--village) must be an id of at most 64 letters, digits, dots, dashes or underscores.',
  'username-taken': 'An account with this username exists already.',
  'not-found': 'There is no account with this username.',
  'last-admin': 'This is the last active admin; create another admin first.',
  'too-short': 'The password is too short: at least 10 characters.',
  'too-long': 'The password is too long: at most 256 characters.',
  common: 'The password is on the list of common passwords; choose another.',
  'same-as-username': 'The password must not be the username.',
};

class UsageError extends Error {}

/** The piped password: the first line of standard input, without its line break; undefined on a terminal or when empty. */
async function passwordFromStdin(): Promise<string | undefined> {
  if (process.stdin.isTTY) return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const line = Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
  return line === '' ? undefined : line;
}

async function run(argv: string[], deps: StaffCommandDeps): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { role: { type: 'string' }, name: { type: 'string' }, village: { type: 'string' } },
  });
  const [command, username, ...rest] = positionals;
  if (!command || !username || rest.length > 0) throw new UsageError();
  const refuse = (reason: string): number => {
    console.error(REFUSALS[reason] ?? reason);
    return 1;
  };
  if (command === 'add') {
    if (values.role === undefined) throw new UsageError();
    const password = await passwordFromStdin();
    const result = await createAccount(
      deps,
      { username, displayName: values.name ?? username, role: values.role, villageId: values.village, password },
      SYSTEM,
    );
    if (!result.ok) return refuse('problem' in result.reason ? result.reason.problem : result.reason.error);
    console.log(`Created the ${result.staff.role} account "${result.staff.username}" (${result.staff.displayName}).`);
    if (result.generatedPassword !== undefined)
      console.log(`Password (shown once, to change at the first login): ${result.generatedPassword}`);
    else console.log('The password given must be changed at the first login.');
    return 0;
  }
  if (values.role !== undefined || values.name !== undefined || values.village !== undefined) throw new UsageError();
  if (command === 'disable') {
    const result = await disableAccount(deps, username, SYSTEM);
    if (!result.ok) return refuse(result.reason);
    console.log(`Disabled "${result.staff.username}": signed out everywhere, ${result.revokedDevices} phone(s) revoked.`);
    return 0;
  }
  if (command === 'reset') {
    const result = await resetPassword(deps, username, SYSTEM);
    if (!result.ok) return refuse(result.reason);
    console.log(`New password for "${result.staff.username}" (shown once, to change at the next login): ${result.password}`);
    return 0;
  }
  throw new UsageError();
}

async function main(): Promise<number> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
  let stores;
  try {
    stores = await openConfiguredStores(config);
  } catch (error) {
    if (error instanceof StoreOpenError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
  try {
    const now = Date.now;
    const deps = { accounts: stores.accounts, audit: auditor(stores.audit, config.communeCode, now), communeCode: config.communeCode, now };
    console.error(`(${describeStore(config)}, commune ${config.communeCode})`);
    return await run(process.argv.slice(2), { ...deps, passwordParams: OWASP_SCRYPT });
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(USAGE);
      return 2;
    }
    throw error;
  } finally {
    await stores.close();
  }
}

process.exitCode = await main();
