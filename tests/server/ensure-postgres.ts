/**
 * Run by `npm test` before vitest: the server tests run every store test on PostgreSQL too, in a
 * throwaway cluster they start themselves (tests/server/global-setup.ts). Where the server
 * binaries are missing on Debian (as root) this installs Debian's package, without creating or
 * leaving running the default cluster the package would otherwise set up; elsewhere it says how
 * to point the tests at a database, and fails only when PostgreSQL is required (CI).
 */
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { findPostgresBinDir } from './postgres-cluster';
import { postgresRequired } from './postgres-context';

/** Tells postgresql-common not to create the "main" cluster when the package is installed. */
const NO_MAIN_CLUSTER_CONF = '/etc/postgresql-common/createcluster.d/mcld-no-main-cluster.conf';

function isDebian(): boolean {
  try {
    return /debian/i.test(readFileSync('/etc/os-release', 'utf8'));
  } catch {
    return false;
  }
}

/** Clusters postgresql-common knows, as "version name status" lines (none when the tool is absent). */
function listClusters(): string[] {
  try {
    return execSync('pg_lsclusters --no-header', { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '');
  } catch {
    return [];
  }
}

function installDebianPackage(): void {
  console.log('PostgreSQL server binaries are missing: installing Debian’s package (apt-get install -y postgresql)…');
  const before = new Set(listClusters().map((line) => line.split(/\s+/).slice(0, 2).join(' ')));
  const dropIn = !existsSync(NO_MAIN_CLUSTER_CONF);
  if (dropIn) {
    mkdirSync('/etc/postgresql-common/createcluster.d', { recursive: true });
    writeFileSync(
      NO_MAIN_CLUSTER_CONF,
      '# The tests of Một Cửa Lưu Động start their own throwaway cluster.\ncreate_main_cluster = false\n',
    );
  }
  try {
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql', { stdio: 'inherit' });
  } finally {
    // Only this install was meant to skip the default cluster; later ones behave as usual.
    if (dropIn) rmSync(NO_MAIN_CLUSTER_CONF, { force: true });
  }
  // Older postgresql-common ignores the drop-in: stop any cluster the install itself started.
  for (const line of listClusters()) {
    const [version, name, , status] = line.split(/\s+/);
    if (version && name && !before.has(`${version} ${name}`) && status === 'online') {
      console.log(`Stopping the cluster ${version}/${name} the package started; the tests do not use it.`);
      execSync(`pg_ctlcluster ${version} ${name} stop`, { stdio: 'inherit' });
    }
  }
}

function main(): void {
  if (process.env.TEST_DATABASE_URL?.trim()) {
    console.log('Server tests will use PostgreSQL at TEST_DATABASE_URL.');
    return;
  }
  let bin = findPostgresBinDir();
  if (!bin && isDebian() && process.getuid?.() === 0) {
    installDebianPackage();
    bin = findPostgresBinDir();
  }
  if (bin) {
    console.log(`Server tests will start a throwaway PostgreSQL cluster with ${bin}`);
    return;
  }
  const advice =
    'No PostgreSQL server binaries found. Install PostgreSQL (its initdb, pg_ctl and postgres; PG_BIN_DIR=/path/to/bin if not on PATH) ' +
    'or set TEST_DATABASE_URL=postgres://user@host/db (a role allowed to CREATE DATABASE).';
  if (postgresRequired()) {
    console.error(`${advice}\nPostgreSQL is required here (CI or REQUIRE_POSTGRES=1).`);
    process.exit(1);
  }
  console.warn(`${advice}\nThe PostgreSQL variants of the server tests will be skipped.`);
}

main();
