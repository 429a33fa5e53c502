/** The keys directory: made on first start with private permissions, read back the same, rotated without losing old keys. */
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importSealPublicKey, openSealed, sealJson } from '../../../src/crypto/seal';
import { keysDir, loadKeyring, rotateSealKey } from '../../../src/server/keys/seal-keys';

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('sealing keys on disk', () => {
  it('makes a key on first start (dir 0700, files 0600) and reads the same key back', async () => {
    dir = await mkdtemp(join(tmpdir(), 'mcld-keys-'));
    const keys = keysDir(dir);
    const first = await loadKeyring(keys);
    expect((await stat(keys)).mode & 0o777).toBe(0o700);
    for (const name of await readdir(keys)) expect((await stat(join(keys, name))).mode & 0o777).toBe(0o600);
    const again = await loadKeyring(keys);
    expect(again.current).toEqual(first.current);
  });

  it('rotates: the new key is current and what was sealed to the old one still opens', async () => {
    dir = await mkdtemp(join(tmpdir(), 'mcld-keys-'));
    const keys = keysDir(dir);
    const before = await loadKeyring(keys);
    const box = await sealJson(await importSealPublicKey(before.current), { a: 1 }, 'id');
    const kid = await rotateSealKey(keys);
    const after = await loadKeyring(keys);
    expect(after.current.kid).toBe(kid);
    expect(kid).not.toBe(before.current.kid);
    expect((await openSealed(box, 'id', (k) => after.keyFor(k))).ok).toBe(true);
    expect(await readdir(keys)).toHaveLength(3);
  });
});
