/**
 * Pushed items may come sealed to the server's key (`{ id, sealed: SealedBox }`, crypto/seal.ts):
 * a phone seals a dossier when it queues it, so nobody holding the phone can read it. This opens
 * such an item before the gate (push-request.ts) sees it, so validation, the content hash,
 * duplicates and conflicts are exactly those of a clear item. A box that does not open is the
 * item's `invalid` answer with a named code on `sealed`, and nothing of it is stored.
 */
import { fromUtf8 } from '../../crypto/bytes';
import { openSealed } from '../../crypto/seal';
import type { PushResult } from '../../domain/protocol';
import { StrictReader, field, type Rec } from '../../domain/strict-reader';
import type { SealKeyring } from '../keys/seal-keys';

export type Unsealed = { ok: true; item: Rec } | { ok: false; result: Extract<PushResult, { outcome: 'invalid' }> };

export async function unsealItem(item: Rec, keyring: SealKeyring | undefined): Promise<Unsealed> {
  if (!Object.prototype.hasOwnProperty.call(item, 'sealed')) return { ok: true, item };
  const id = field(item, 'id') as string;
  const refuse = (code: 'seal-malformed' | 'seal-unknown-key' | 'seal-tampered'): Unsealed => ({
    ok: false,
    result: { id, outcome: 'invalid', errors: [{ field: 'sealed', code }] },
  });
  const opened = await openSealed(field(item, 'sealed'), id, (kid) => keyring?.keyFor(kid));
  if (!opened.ok) return refuse(opened.reason);
  let inner: unknown;
  try {
    inner = JSON.parse(fromUtf8(opened.plaintext));
  } catch {
    return refuse('seal-malformed');
  }
  const record = new StrictReader().record(inner, 'sealed');
  // The id is bound to the box (its additional data); the one inside must agree with it.
  if (!record || field(record, 'id') !== id) return refuse('seal-malformed');
  return { ok: true, item: record };
}
