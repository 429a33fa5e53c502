/**
 * GET /api/v1/keys/seal: the public key phones seal queued dossiers to, with its key id. Public
 * (it is a public key), answered to anyone the host and origin guards let through.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env';
import type { SealKeyring } from './seal-keys';

/** What GET /api/v1/keys/seal answers. */
export interface SealKeyResponse {
  kid: string;
  publicKey: string;
  alg: 'ECDH-P256+HKDF-SHA256+A256GCM';
}

export function keyRoutes(keyring: SealKeyring): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get('/seal', (c) => {
    const body: SealKeyResponse = { ...keyring.current, alg: 'ECDH-P256+HKDF-SHA256+A256GCM' };
    return c.json(body);
  });
  return routes;
}
