/**
 * A throwaway PostgreSQL cluster from the installed server binaries (Debian puts them in
 * /usr/lib/postgresql/<major>/bin): initdb in a temp dir, listen on a free loopback port with
 * trust auth, socket in that temp dir, so nothing touches the system's own clusters. initdb
 * refuses to run as root, so as root every command runs as the `postgres` user via runuser.
 * No vitest import: the benchmark and ensure-postgres use this too.
 */
import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const SERVER_BINARIES = ['initdb', 'pg_ctl', 'postgres'];

export interface ThrowawayCluster {
  /** postgres://postgres@127.0.0.1:<port>/postgres */
  url: string;
  dir: string;
  stop(): Promise<void>;
}

export interface ClusterOptions {
  /** Durable commits like a production server (default false: tests need no crash safety). */
  durable?: boolean;
}

function hasServerBinaries(dir: string): boolean {
  return SERVER_BINARIES.every((name) => existsSync(join(dir, name)));
}

/** The newest installed server bin dir (PG_BIN_DIR wins), or null when there is none. */
export function findPostgresBinDir(): string | null {
  const explicit = process.env.PG_BIN_DIR;
  if (explicit) return hasServerBinaries(explicit) ? explicit : null;
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const majors = readdirSync(root)
      .filter((name) => /^\d+$/.test(name))
      .sort((a, b) => Number(b) - Number(a));
    for (const major of majors) {
      const dir = join(root, major, 'bin');
      if (hasServerBinaries(dir)) return dir;
    }
  }
  for (const dir of (process.env.PATH ?? '').split(':')) {
    if (dir !== '' && hasServerBinaries(dir)) return dir;
  }
  return null;
}

/** uid and gid of a user from /etc/passwd, or null. */
function userIds(name: string): { uid: number; gid: number } | null {
  try {
    for (const line of readFileSync('/etc/passwd', 'utf8').split('\n')) {
      const [user, , uid, gid] = line.split(':');
      if (user === name && uid !== undefined && gid !== undefined) return { uid: Number(uid), gid: Number(gid) };
    }
  } catch {
    // No /etc/passwd: not a system where we can switch user.
  }
  return null;
}

function chownTree(path: string, uid: number, gid: number): void {
  chownSync(path, uid, gid);
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const child = join(path, entry.name);
    if (entry.isDirectory()) chownTree(child, uid, gid);
    else chownSync(child, uid, gid);
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}

/** Starts a fresh cluster; throws with initdb's or the server's own words when it cannot. */
export async function startThrowawayCluster(options: ClusterOptions = {}): Promise<ThrowawayCluster> {
  const bin = findPostgresBinDir();
  if (!bin) throw new Error('No PostgreSQL server binaries (initdb, pg_ctl, postgres) found.');
  const isRoot = process.getuid?.() === 0;
  const owner = isRoot ? userIds('postgres') : null;
  if (isRoot && !owner) throw new Error('Running as root but there is no "postgres" user to run the cluster as.');

  const dir = mkdtempSync(join(tmpdir(), 'mcld-pg-'));
  const data = join(dir, 'data');
  const log = join(dir, 'server.log');
  if (owner) chownTree(dir, owner.uid, owner.gid);
  const exec = (tool: string, args: string[]) =>
    isRoot ? run('runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]) : run(join(bin, tool), args);

  try {
    await exec('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    const settings = [
      '-c listen_addresses=127.0.0.1',
      `-c unix_socket_directories=${dir}`,
      '-c max_connections=300',
      ...(options.durable ? [] : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off']),
    ];
    let lastError: unknown;
    for (let attempt = 0; attempt < 3; attempt++) {
      const port = await freePort();
      try {
        await exec('pg_ctl', ['-D', data, '-l', log, '-w', '-t', '60', '-o', [`-p ${port}`, ...settings].join(' '), 'start']);
        return {
          url: `postgres://postgres@127.0.0.1:${port}/postgres`,
          dir,
          stop: async () => {
            await exec('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
            rmSync(dir, { recursive: true, force: true });
          },
        };
      } catch (error) {
        // Most likely another process took the port between probe and start: try another.
        lastError = error;
      }
    }
    throw lastError;
  } catch (error) {
    const serverLog = existsSync(log) ? readFileSync(log, 'utf8').slice(-2000) : '';
    rmSync(dir, { recursive: true, force: true });
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw new Error(`Could not start a throwaway PostgreSQL cluster with ${bin}: ${(error as Error).message}\n${stderr}\n${serverLog}`, {
      cause: error,
    });
  }
}
