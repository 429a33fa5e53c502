/**
 * Entry point (`tsx src/server/main.ts`): read the config, open the SQLite file (created on first
 * start), serve the app, and close the database cleanly on SIGINT/SIGTERM.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { serve } from '@hono/node-server';
import { createApp } from './app';
import { ConfigError, loadConfig, type ServerConfig } from './config';
import { openSqliteStore } from './sqlite-store';
import type { DossierStore } from './store';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function readConfig(): ServerConfig {
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
}

function openStore(config: ServerConfig): DossierStore {
  try {
    mkdirSync(config.dataDir, { recursive: true });
    return openSqliteStore(config.databasePath);
  } catch (error) {
    fail(`Cannot open the database at ${config.databasePath}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

const config = readConfig();
const store = openStore(config);
const staticDir = existsSync(config.staticDir) ? config.staticDir : undefined;
if (!staticDir) console.warn(`No built app at ${config.staticDir}; serving the API only (run the Vite build).`);

const app = createApp({
  store,
  communeCode: config.communeCode,
  staticDir,
  maxBodyBytes: config.maxBodyBytes,
  officerToken: config.officerToken,
});

const displayHost = config.host.includes(':') ? `[${config.host}]` : config.host;
const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  console.log(`Một Cửa Lưu Động listening on http://${displayHost}:${info.port} (SQLite: ${config.databasePath})`);
});
server.on('error', (error) => {
  void store.close();
  fail(`Cannot listen on ${displayHost}:${config.port}: ${error.message}`);
});

let closing = false;
function shutdown(): void {
  if (closing) return;
  closing = true;
  const finish = (): void => {
    void store.close().finally(() => process.exit(0));
  };
  server.close(finish);
  // Requests still open after 5 s are cut; better-sqlite3 never holds a transaction across ticks.
  setTimeout(finish, 5000).unref();
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
