/**
 * Server settings from the environment, checked once at start: a wrong value stops the server
 * with a message naming the variable, instead of failing later in the middle of a request.
 */
import { isAbsolute, join, resolve } from 'node:path';
import { DEFAULT_COMMUNE } from '../content/commune';
import { DEFAULT_POOL_SIZE } from './db/postgres/postgres-database';
import { DEFAULT_MAX_BODY_BYTES } from './http/read-body';
import { DEFAULT_MAX_BLOB_BYTES } from './sync/blob-routes';

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  databasePath: string;
  communeCode: string;
  staticDir: string;
  officerToken?: string;
  maxBodyBytes: number;
  /** Largest photo or scan a phone may PUT. */
  maxBlobBytes: number;
  /** postgres://… to use PostgreSQL; unset keeps the embedded SQLite file at databasePath. */
  databaseUrl?: string;
  /** Most PostgreSQL connections this process opens. */
  databasePoolSize: number;
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
export function loadConfig(env: Env, cwd: string = process.cwd()): ServerConfig {
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

  const port = integer('PORT', 8080, 0, 65535);
  const maxBodyBytes = integer('MAX_BODY_BYTES', DEFAULT_MAX_BODY_BYTES, 1024, MAX_BODY_LIMIT);
  const maxBlobBytes = integer('MAX_BLOB_BYTES', DEFAULT_MAX_BLOB_BYTES, 1024, MAX_BODY_LIMIT);
  const host = read('HOST') ?? '127.0.0.1';
  if (/\s|\//.test(host)) problems.push(`HOST must be a host name or IP address (got "${host}").`);
  const communeCode = read('COMMUNE_CODE') ?? DEFAULT_COMMUNE.code;
  if (!/^\d{5}$/.test(communeCode)) problems.push(`COMMUNE_CODE must be the 5-digit national commune code (got "${communeCode}").`);
  const officerToken = read('OFFICER_TOKEN');
  if (officerToken !== undefined && (officerToken.length < 16 || /\s/.test(officerToken))) {
    problems.push('OFFICER_TOKEN must be at least 16 characters without spaces (or unset to disable the officer route).');
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

  if (problems.length > 0) throw new ConfigError(`Invalid server configuration:\n  ${problems.join('\n  ')}`);
  const config: ServerConfig = { port, host, dataDir, databasePath, communeCode, staticDir, maxBodyBytes, maxBlobBytes, databasePoolSize };
  if (officerToken !== undefined) config.officerToken = officerToken;
  if (databaseUrl !== undefined) config.databaseUrl = databaseUrl;
  return config;
}
