/**
 * The real server for the sync benchmark, in-process: the Hono app on a SQLite file, served by
 * @hono/node-server on 127.0.0.1 and a free port, as main.ts serves it.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from '../../src/server/http/app';
import { openSqliteStores } from '../../src/server/stores';

export interface BenchServer {
  port: number;
  close(): Promise<void>;
}

/**
 * Idle keep-alive connections are kept 65 s, as a reverse proxy in front of the app would
 * (nginx keeps 75 s): Node's 5 s default, stretched by the link's delay, would let the phone
 * reuse a connection the server is closing at that moment.
 */
const KEEP_ALIVE_MS = 65_000;

/** `staticDir`: also serve a built app (the cold-load benchmark). */
export async function startBenchServer(databasePath: string, communeCode: string, staticDir?: string): Promise<BenchServer> {
  const stores = openSqliteStores(databasePath);
  // One phone sends the whole benchmark: lift a resident phone's daily allowance.
  const app = createApp({
    stores,
    communeCode,
    residentQuota: { dossiersPerDay: 1_000_000, photoBytesPerDay: 2 ** 40 },
    ...(staticDir ? { staticDir } : {}),
  });
  const server = await new Promise<Server>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s as Server)) as Server;
  });
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  return {
    port: (server.address() as AddressInfo).port,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await stores.close();
    },
  };
}
