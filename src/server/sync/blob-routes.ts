/**
 * Blobs first: a dossier is stored only once every photo it references is (blob-check.ts), so
 * before pushing it the phone asks `HEAD /api/v1/blobs/{sha256}` for each photo or scan and
 * PUTs the bytes of the ones the server lacks. The bytes are hashed while they are read
 * (size-limited, never trusting Content-Length) and stored only when they hash to the path.
 * HEAD and PUT need the phone's device credential; GET (viewing a photo) a staff session with
 * photo.view, and every view is audited.
 */
import { createHash } from 'node:crypto';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import type { AttachmentType } from '../../domain/form-schema';
import type { AppEnv } from '../http/app-env';
import { rateLimit, type RateLimiter } from '../http/rate-limit';
import { jsonError } from '../http/http-errors';
import type { Audit } from '../audit/audit-log';
import { requirePermission, staffOf } from '../http/require-permission';
import { readLimited } from '../http/read-body';
import { EXTENSIONS, attachmentTypeOf, bytesMatchType } from './media-types';
import { protocolHeaderGate } from './protocol-gate';
import { QUOTA_WINDOW_MS, quotaExceeded, type ResidentQuota } from './resident-quota';
import type { SyncRepository } from './sync-repository';

/** 5 MiB: a phone photo of a paper, resized on the phone, is far smaller; the bytes are held in memory. */
export const DEFAULT_MAX_BLOB_BYTES = 5 * 1024 * 1024;

export interface BlobDeps {
  sync: SyncRepository;
  communeCode: string;
  now: () => number;
  maxBlobBytes: number;
  /** requireDevice (devices/device-auth.ts), for HEAD and PUT. */
  deviceAuth: MiddlewareHandler<AppEnv>;
  putPerDevice: RateLimiter;
  putPerIp: RateLimiter;
  audit: Audit;
  /** What a resident's own phone may upload per day. */
  residentQuota: ResidentQuota;
}

/** The answer to a PUT: 201 when stored now, 200 when it already was. */
export interface BlobReceipt {
  sha256: string;
  type: AttachmentType;
  size: number;
}

const SHA256 = /^[0-9a-fA-F]{64}$/;

/** The path's hash in lowercase (the form the validator keeps in refs), or null when malformed. */
function hashParam(c: Context<AppEnv>): string | null {
  const value = c.req.param('sha256') ?? '';
  return SHA256.test(value) ? value.toLowerCase() : null;
}

function badHash(c: Context<AppEnv>): Response {
  return jsonError(c, 400, 'bad-request', 'The path must end with the 64 hex digits of the SHA-256 of the bytes.');
}

export function blobRoutes({
  sync,
  communeCode,
  now,
  maxBlobBytes,
  deviceAuth,
  putPerDevice,
  putPerIp,
  audit,
  residentQuota,
}: BlobDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.use('*', protocolHeaderGate);
  // Hono answers HEAD with the GET handler and drops the body, so one route serves both: HEAD is
  // the phone's question (its credential), GET the officer's view (a session with photo.view).
  const viewPhoto = requirePermission('photo.view');
  const phoneOrOfficer: MiddlewareHandler<AppEnv> = (c, next) => (c.req.method === 'HEAD' ? deviceAuth(c, next) : viewPhoto(c, next));

  routes.get('/:sha256', phoneOrOfficer, async (c) => {
    if (c.req.method === 'HEAD') {
      const sha256 = hashParam(c);
      if (!sha256) return badHash(c);
      const info = await sync.hasBlob(sha256, communeCode);
      // No body and an explicit length: without one, Node closes the connection after a HEAD
      // answer, and on 2G every new connection costs a round trip.
      if (!info) return c.body(null, 404, { 'Content-Length': '0' });
      return c.body(null, 200, { 'Content-Length': String(info.size), 'Content-Type': info.type });
    }
    const sha256 = hashParam(c);
    if (!sha256) return badHash(c);
    const blob = await sync.getBlob(sha256, communeCode);
    if (!blob) return jsonError(c, 404, 'not-found', 'No blob with this hash.');
    await audit({ actor: { kind: 'staff', id: staffOf(c)!.id }, action: 'photo.viewed', target: { kind: 'blob', id: sha256 } });
    // A download, never rendered in the app's origin.
    return c.body(blob.bytes as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': blob.type,
      'Content-Length': String(blob.size),
      'Content-Disposition': `attachment; filename="${sha256}.${EXTENSIONS[blob.type]}"`,
    });
  });

  routes.put(
    '/:sha256',
    rateLimit(putPerIp, (c) => c.var.clientIp),
    deviceAuth,
    rateLimit(putPerDevice, (c) => c.var.device.id),
    async (c) => {
      const sha256 = hashParam(c);
      const type = attachmentTypeOf(c.req.header('content-type'));
      if (!sha256 || !type) {
        await c.req.raw.body?.cancel().catch(() => undefined);
        if (!sha256) return badHash(c);
        return jsonError(c, 415, 'unsupported-media-type', 'Content-Type must be image/jpeg, image/png, image/webp or application/pdf.');
      }
      const hash = createHash('sha256');
      const bytes = await readLimited(c.req.raw, maxBlobBytes, (chunk) => hash.update(chunk));
      if (!bytes) return jsonError(c, 413, 'body-too-large', `A blob may be at most ${maxBlobBytes} bytes.`);
      if (bytes.byteLength === 0) return jsonError(c, 400, 'bad-request', 'The body is empty.');
      if (hash.digest('hex') !== sha256) {
        return jsonError(c, 400, 'blob-hash-mismatch', 'The bytes received do not hash to the SHA-256 in the path; send them again.');
      }
      if (!bytesMatchType(type, bytes)) return jsonError(c, 415, 'unsupported-media-type', `The bytes are not ${type}.`);
      const device = c.var.device;
      const at = now();
      // A resident phone's photo allowance; a blob already stored costs nothing and is answered below.
      if (device.kind === 'resident' && !(await sync.hasBlob(sha256, communeCode))) {
        const usage = await sync.blobsUploadedBy(device.id, at - QUOTA_WINDOW_MS);
        if (usage.bytes + bytes.byteLength > residentQuota.photoBytesPerDay) return quotaExceeded(c, usage, at);
      }
      const created = await sync.putBlob(sha256, type, bytes, communeCode, at, device.id);
      // Already there (earlier or by a racing PUT): answer with what is stored.
      const stored = created
        ? { type, size: bytes.byteLength }
        : ((await sync.hasBlob(sha256, communeCode)) ?? { type, size: bytes.byteLength });
      const receipt: BlobReceipt = { sha256, ...stored };
      return c.json(receipt, created ? 201 : 200);
    },
  );

  return routes;
}
