/**
 * Server settings from the environment, checked once at start: a wrong value stops the server
 * with a message naming the variable, instead of failing later in the middle of a request.
 */
import { networkInterfaces } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { DEFAULT_COMMUNE } from '../content/commune';
import { DEFAULT_POOL_SIZE } from './db/postgres/postgres-database';
import { DEFAULT_MAX_BODY_BYTES } from './http/read-body';
import { DEFAULT_MAX_BLOB_BYTES } from './sync/blob-routes';
import { DEFAULT_RESIDENT_QUOTA, type ResidentQuota } from './sync/resident-quota';

const MIB = 1024 * 1024;

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  databasePath: string;
  communeCode: string;
  staticDir: string;
  maxBodyBytes: number;
  /** Largest photo or scan a phone may PUT. */
  maxBlobBytes: number;
  /** postgres://… to use PostgreSQL; unset keeps the embedded SQLite file at databasePath. */
  databaseUrl?: string;
  /** Most PostgreSQL connections this process opens. */
  databasePoolSize: number;
  /** Host names (no port) the server answers for; others get 403 host-not-allowed. */
  allowedHosts: string[];
  /** Believe X-Forwarded-For / X-Forwarded-Proto (only behind a reverse proxy that sets them). */
  trustProxy: boolean;
  /** Residents' own phones may register and send dossiers. */
  residentSubmissions: boolean;
  /** What one resident phone may store in any 24 hours. */
  residentQuota: ResidentQuota;
}

export interface ConfigContext {
  /** The machine's addresses, added to the default ALLOWED_HOSTS when HOST listens on all of them. */
  interfaceAddresses?: () => string[];
}

/** Listening on every address: phones reach the server by the machine's LAN address. */
const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', '[::]']);

function machineAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .flatMap((info) => (info ? [info.family === 'IPv6' ? `[${info.address.split('%')[0]}]` : info.address] : []));
}

/**
 * ALLOWED_HOSTS when unset: the listen host, localhost and the loopback addresses; when HOST is a
 * wildcard, the machine's own addresses too (an IP address cannot be rebound, only a name can).
 */
export function defaultAllowedHosts(host: string, addresses: () => string[]): string[] {
  const hosts = ['localhost', '127.0.0.1', '[::1]'];
  if (WILDCARD_HOSTS.has(host)) hosts.push(...addresses());
  else hosts.push(host.includes(':') && !host.startsWith('[') ? `[${host}]` : host);
  return [...new Set(hosts.map((h) => h.toLowerCase()))];
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export type Env = Readonly<Record<string, string | undefined>>;

/** Upper bound for MAX_BODY_BYTES and MAX_BLOB_BYTES: the whole body is held in memory while it is checked. */
const MAX_BODY_LIMIT = 64 * 1024 * 1024;

/** The URL with its password masked, for logs and error messages. */
export function redactDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparsable URL)';
  }
}

function isPostgresUrl(url: string): boolean {
  try {
    return ['postgres:', 'postgresql:'].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}

/** Reads and checks the settings; throws one ConfigError listing every bad variable. */
export function loadConfig(env: Env, cwd: string = process.cwd(), context: ConfigContext = {}): ServerConfig {
  const problems: string[] = [];
  const read = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === '' ? undefined : value;
  };
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const text = read(name);
    if (text === undefined) return fallback;
    const value = Number(text);
    if (!/^\d+$/.test(text) || value < min || value > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max} (got "${text}").`);
      return fallback;
    }
    return value;
  };
  const path = (value: string): string => (isAbsolute(value) ? value : resolve(cwd, value));
  const flag = (name: string, fallback: boolean, on: readonly string[], off: readonly string[]): boolean => {
    const text = read(name)?.toLowerCase();
    if (text === undefined) return fallback;
    if (on.includes(text)) return true;
    if (off.includes(text)) return false;
    problems.push(`${name} must be one of ${[...on, ...off].join(', ')} (got "${text}").`);
    return fallback;
  };

  const port = integer('PORT', 8080, 0, 65535);
  const maxBodyBytes = integer('MAX_BODY_BYTES', DEFAULT_MAX_BODY_BYTES, 1024, MAX_BODY_LIMIT);
  const maxBlobBytes = integer('MAX_BLOB_BYTES', DEFAULT_MAX_BLOB_BYTES, 1024, MAX_BODY_LIMIT);
  const host = read('HOST') ?? '127.0.0.1';
  if (/\s|\//.test(host)) problems.push(`HOST must be a host name or IP address (got "${host}").`);
  const communeCode = read('COMMUNE_CODE') ?? DEFAULT_COMMUNE.code;
  if (!/^\d{5}$/.test(communeCode)) problems.push(`COMMUNE_CODE must be the 5-digit national commune code (got "${communeCode}").`);
  // Staff accounts replaced the shared officer token: say so rather than ignore it silently.
  if (read('OFFICER_TOKEN') !== undefined) {
    problems.push('OFFICER_TOKEN is gone: officers sign in with their own accounts (see "npm run staff" in the README). Unset it.');
  }
  const dataDir = path(read('DATA_DIR') ?? './data');
  const databasePath = path(read('DATABASE_PATH') ?? join(dataDir, 'mot-cua.sqlite'));
  const staticDir = path(read('STATIC_DIR') ?? 'dist/client');
  const databasePoolSize = integer('DATABASE_POOL_SIZE', DEFAULT_POOL_SIZE, 1, 1000);
  const databaseUrl = read('DATABASE_URL');
  if (databaseUrl !== undefined && !isPostgresUrl(databaseUrl)) {
    // Only the scheme is echoed: the rest may hold a password.
    const scheme = /^[A-Za-z][A-Za-z0-9+.-]*:/.exec(databaseUrl)?.[0] ?? 'no scheme';
    problems.push(`DATABASE_URL must be a postgres:// or postgresql:// URL (got ${scheme}); unset it to use SQLite.`);
  }

  const trustProxy = flag('TRUST_PROXY', false, ['1', 'true', 'yes'], ['0', 'false', 'no']);
  const residentSubmissions = flag('RESIDENT_SUBMISSIONS', true, ['on', '1', 'true', 'yes'], ['off', '0', 'false', 'no']);
  const residentQuota: ResidentQuota = {
    dossiersPerDay: integer('RESIDENT_DAILY_DOSSIERS', DEFAULT_RESIDENT_QUOTA.dossiersPerDay, 1, 100_000),
    photoBytesPerDay: integer('RESIDENT_DAILY_PHOTO_MB', DEFAULT_RESIDENT_QUOTA.photoBytesPerDay / MIB, 1, 100_000) * MIB,
  };
  const hostList = read('ALLOWED_HOSTS');
  const allowedHosts =
    hostList === undefined
      ? defaultAllowedHosts(host, context.interfaceAddresses ?? machineAddresses)
      : hostList
          .split(',')
          .map((h) => h.trim().toLowerCase())
          .filter((h) => h !== '');
  for (const entry of allowedHosts) {
    if (/[\s/@]/.test(entry)) problems.push(`ALLOWED_HOSTS must be host names separated by commas (got "${entry}").`);
  }
  if (hostList !== undefined && allowedHosts.length === 0) problems.push('ALLOWED_HOSTS must name at least one host.');

  if (problems.length > 0) throw new ConfigError(`Invalid server configuration:\n  ${problems.join('\n  ')}`);
  const config: ServerConfig = {
    port,
    host,
    dataDir,
    databasePath,
    communeCode,
    staticDir,
    maxBodyBytes,
    maxBlobBytes,
    databasePoolSize,
    allowedHosts,
    trustProxy,
    residentSubmissions,
    residentQuota,
  };
  if (databaseUrl !== undefined) config.databaseUrl = databaseUrl;
  return config;
}
