import { describe, expect, it } from 'vitest';
import {
  fromUtf8,
  generateSealKeyPair,
  importSealPrivateKey,
  importSealPublicKey,
  openSealed,
  publishedOf,
  seal,
  sealJson,
  utf8,
  type Key,
  type SealedBox,
} from '../../../src/crypto/index';

async function serverKey() {
  const pair = await generateSealKeyPair();
  const priv = await importSealPrivateKey(pair.privateJwk);
  const keys = new Map<string, Key>([[pair.kid, priv]]);
  return { pair, keyFor: (kid: string) => keys.get(kid), pub: await importSealPublicKey(pair.published) };
}

function flip(text: string, at: number): string {
  const c = text[at] === 'A' ? 'B' : 'A';
  return text.slice(0, at) + c + text.slice(at + 1);
}

describe('sealing to the server key', () => {
  it('round-trips and is bound to its context', async () => {
    const { pub, keyFor } = await serverKey();
    const box = await sealJson(pub, { fullName: 'Nguyễn Văn An', cccd: '001099012345' }, 'id-1');
    expect(JSON.stringify(box)).not.toContain('Nguy');
    const opened = await openSealed(box, 'id-1', keyFor);
    expect(opened.ok).toBe(true);
    if (opened.ok) expect(JSON.parse(fromUtf8(opened.plaintext))).toEqual({ fullName: 'Nguyễn Văn An', cccd: '001099012345' });
    expect(await openSealed(box, 'id-2', keyFor)).toEqual({ ok: false, reason: 'seal-tampered' });
  });

  it('uses a fresh ephemeral key and IV each time', async () => {
    const { pub } = await serverKey();
    const a = await seal(pub, utf8('same'), 'x');
    const b = await seal(pub, utf8('same'), 'x');
    expect(a.epk).not.toBe(b.epk);
    expect(a.ct).not.toBe(b.ct);
  });

  it('refuses a tampered ciphertext, IV or ephemeral key', async () => {
    const { pub, keyFor } = await serverKey();
    const box = await seal(pub, utf8('secret'), 'x');
    const variants: SealedBox[] = [
      { ...box, ct: flip(box.ct, 3) },
      { ...box, iv: flip(box.iv, 2) },
    ];
    for (const v of variants) expect(await openSealed(v, 'x', keyFor)).toEqual({ ok: false, reason: 'seal-tampered' });
    const badPoint = await openSealed({ ...box, epk: flip(box.epk, 10) }, 'x', keyFor);
    expect(badPoint.ok).toBe(false);
  });

  it('names an unknown key id, and refuses a key id swapped onto a box', async () => {
    const a = await serverKey();
    const b = await serverKey();
    const box = await seal(a.pub, utf8('secret'), 'x');
    expect(await openSealed(box, 'x', b.keyFor)).toEqual({ ok: false, reason: 'seal-unknown-key' });
    // b's key with a's box relabelled: the key id is in the additional data and the HKDF info.
    expect(await openSealed({ ...box, kid: b.pair.kid }, 'x', b.keyFor)).toEqual({ ok: false, reason: 'seal-tampered' });
  });

  it('names malformed boxes without throwing', async () => {
    const { keyFor } = await serverKey();
    for (const bad of [
      null,
      'x',
      [],
      { v: 2 },
      { v: 1, kid: 'k', epk: 1, iv: '', ct: '' },
      { v: 1, kid: 'a b', epk: '', iv: '', ct: '' },
    ]) {
      expect(await openSealed(bad, 'x', keyFor)).toEqual({ ok: false, reason: 'seal-malformed' });
    }
  });

  it('derives the key id from the public key, so a kept key file publishes the same key', async () => {
    const { pair } = await serverKey();
    expect(await publishedOf(pair.privateJwk)).toEqual(pair.published);
  });

  it('refuses a published key that is not a P-256 point', async () => {
    await expect(importSealPublicKey({ kid: 'k1', publicKey: 'AAAA' })).rejects.toThrow();
    await expect(importSealPublicKey({ kid: 'no spaces', publicKey: 'AAAA' })).rejects.toThrow();
  });
});
