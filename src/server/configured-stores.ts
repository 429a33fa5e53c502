/**
 * Opens the stores the configuration names (PostgreSQL when DATABASE_URL is set, else the SQLite
 * file, its directory created 0700), for the composition roots: the server (main.ts) and the
 * staff command (staff-cli.ts). A failure is thrown as one readable sentence, password masked.
 */
import { mkdirSync } from 'node:fs';
import { redactDatabaseUrl, type ServerConfig } from './config';
import { openPostgresStores, openSqliteStores, type Stores } from './stores';

export class StoreOpenError extends Error {
  override name = 'StoreOpenError';
}

/** A readable reason; a refused connection to a name with several addresses is an AggregateError with no message. */
export function reasonOf(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) {
    return [...new Set(error.errors.map(reasonOf))].join('; ');
  }
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    if (error.message !== '') return error.message;
    return typeof code === 'string' ? code : error.name;
  }
  return String(error);
}

/** Where the data lives, for a log line (never with a password). */
export function describeStore(config: ServerConfig): string {
  return config.databaseUrl !== undefined ? `PostgreSQL: ${redactDatabaseUrl(config.databaseUrl)}` : `SQLite: ${config.databasePath}`;
}

export async function openConfiguredStores(config: ServerConfig): Promise<Stores> {
  if (config.databaseUrl !== undefined) {
    try {
      return await openPostgresStores(config.databaseUrl, { poolSize: config.databasePoolSize });
    } catch (error) {
      throw new StoreOpenError(`Cannot open the PostgreSQL database at ${redactDatabaseUrl(config.databaseUrl)}: ${reasonOf(error)}`);
    }
  }
  try {
    mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
    return openSqliteStores(config.databasePath);
  } catch (error) {
    throw new StoreOpenError(`Cannot open the database at ${config.databasePath}: ${reasonOf(error)}`);
  }
}
