/**
 * The commune server's sealing keys (ECDH P-256). Phones seal queued dossiers to the current
 * public key (GET /api/v1/keys/seal, pinned at enrolment); the server keeps every older private
 * key, so what was sealed before a rotation still opens. Kept as JWK files under
 * DATA_DIR/keys (directory 0700, files 0600), one per key id, and `current` naming the one
 * phones are given. Private keys are imported non-extractable and never logged.
 * Several API processes behind a load balancer (PostgreSQL) need the same keys directory.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Key } from '../../crypto/bytes';
import { type EcJwk, type PublishedSealKey, generateSealKeyPair, importSealPrivateKey, publishedOf } from '../../crypto/seal';

export interface SealKeyring {
  /** The key phones seal to now. */
  readonly current: PublishedSealKey;
  /** The private key of a key id this server holds (current or older). */
  keyFor(kid: string): Key | undefined;
}

/** A keyring over keys held in memory (tests; loadKeyring builds one from files). */
export async function keyringOf(jwks: readonly EcJwk[], currentKid?: string): Promise<SealKeyring> {
  const keys = new Map<string, Key>();
  const published = new Map<string, PublishedSealKey>();
  for (const jwk of jwks) {
    const pub = await publishedOf(jwk);
    keys.set(pub.kid, await importSealPrivateKey(jwk));
    published.set(pub.kid, pub);
  }
  const current = published.get(currentKid ?? [...published.keys()].at(-1) ?? '');
  if (!current) throw new Error('No current sealing key.');
  return { current, keyFor: (kid) => keys.get(kid) };
}

/** A keyring with one fresh key (tests). */
export async function freshKeyring(): Promise<SealKeyring> {
  return keyringOf([(await generateSealKeyPair()).privateJwk]);
}

const KEY_FILE = /^seal-([A-Za-z0-9_-]{1,64})\.jwk$/;

function writePrivate(path: string, text: string): void {
  const temp = `${path}.tmp`;
  writeFileSync(temp, text, { mode: 0o600 });
  chmodSync(temp, 0o600);
  renameSync(temp, path);
}

/** Makes a new key and makes it current; older keys stay. Returns the new key id. */
export async function rotateSealKey(dir: string): Promise<string> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  const pair = await generateSealKeyPair();
  writePrivate(join(dir, `seal-${pair.kid}.jwk`), JSON.stringify(pair.privateJwk));
  writePrivate(join(dir, 'current'), `${pair.kid}\n`);
  return pair.kid;
}

/** Reads the keys directory, making the first key on first start. */
export async function loadKeyring(dir: string): Promise<SealKeyring> {
  if (!existsSync(join(dir, 'current'))) await rotateSealKey(dir);
  const currentKid = readFileSync(join(dir, 'current'), 'utf8').trim();
  const jwks: EcJwk[] = [];
  for (const name of readdirSync(dir).sort()) {
    const match = KEY_FILE.exec(name);
    if (!match) continue;
    const jwk = JSON.parse(readFileSync(join(dir, name), 'utf8')) as EcJwk;
    const pub = await publishedOf(jwk);
    if (pub.kid !== match[1]) throw new Error(`Key file ${name} does not hold the key its name says.`);
    if (pub.kid !== currentKid) jwks.push(jwk);
    else jwks.unshift(jwk);
  }
  return keyringOf(jwks, currentKid);
}

/** Where the keys live under DATA_DIR. */
export function keysDir(dataDir: string): string {
  return join(dataDir, 'keys');
}
