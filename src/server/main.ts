/**
 * Entry point (`tsx src/server/main.ts`): read the config, open the stores (the SQLite file,
 * created on first start, or PostgreSQL when DATABASE_URL is set), serve the app, and close the
 * database cleanly on SIGINT/SIGTERM.
 */
import { existsSync } from 'node:fs';
import { serve } from '@hono/node-server';
import { CatalogFileError, loadCatalog } from './catalog/catalog-source';
import { ConfigError, loadConfig, type ServerConfig } from './config';
import { StoreOpenError, describeStore, openConfiguredStores } from './configured-stores';
import { createApp } from './http/app';
import { firstStartLink } from './accounts/first-start';
import type { Stores } from './stores';
import { schedulePurge } from './sync/blob-purge';
import { keysDir, loadKeyring } from './keys/seal-keys';

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

async function openStores(config: ServerConfig): Promise<Stores> {
  try {
    return await openConfiguredStores(config);
  } catch (error) {
    if (error instanceof StoreOpenError) fail(error.message);
    throw error;
  }
}

const config = readConfig();
let catalog;
try {
  catalog = loadCatalog(process.env.CATALOG_PATH?.trim() || undefined);
} catch (error) {
  if (error instanceof CatalogFileError) fail(error.message);
  throw error;
}
const stores = await openStores(config);
const staticDir = existsSync(config.staticDir) ? config.staticDir : undefined;
if (!staticDir) console.warn(`No built app at ${config.staticDir}; serving the API only (run the Vite build).`);

const sealKeys = await loadKeyring(keysDir(config.dataDir));
const app = createApp({
  stores,
  sealKeys,
  communeCode: config.communeCode,
  maxBodyBytes: config.maxBodyBytes,
  maxBlobBytes: config.maxBlobBytes,
  catalog,
  allowedHosts: config.allowedHosts,
  trustProxy: config.trustProxy,
  residentSubmissions: config.residentSubmissions,
  residentQuota: config.residentQuota,
  ...(staticDir !== undefined ? { staticDir } : {}),
});

const displayHost = config.host.includes(':') ? `[${config.host}]` : config.host;
const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  const origin = `http://${displayHost}:${info.port}`;
  console.log(`Một Cửa Lưu Động listening on ${origin} (${describeStore(config)})`);
  void firstStartLink(stores.accounts, config.communeCode, origin, Date.now()).then(
    (link) => {
      if (link) console.log(`No staff account yet. Open this link within 1 hour to create the first admin (it works once):\n  ${link}`);
    },
    (error: unknown) => console.error('Could not make the first-start link:', error),
  );
});
const purge = schedulePurge(stores.sync, Date.now);
server.on('error', (error) => {
  void stores.close();
  fail(`Cannot listen on ${displayHost}:${config.port}: ${error.message}`);
});

let closing = false;
function shutdown(): void {
  if (closing) return;
  closing = true;
  purge.stop();
  const finish = (): void => {
    void stores.close().finally(() => process.exit(0));
  };
  server.close(finish);
  // Requests still open after 5 s are cut; a PostgreSQL transaction left open is rolled back by the server.
  setTimeout(finish, 5000).unref();
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
