/**
 * Reads a JSON request body with a byte limit enforced while reading: Content-Length only lets
 * us refuse early, it is never trusted to be true (it can lie, or be missing on a stream).
 */
/** 1 MiB: 50 text-only dossiers fit many times over; photos travel as blobs, not in a push. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/**
 * The client went away before the body was complete (a phone losing coverage mid-upload). Nothing
 * was stored: bytes are only ever stored once read whole. The app logs it as one quiet line.
 */
export class BodyAbortedError extends Error {
  override name = 'BodyAbortedError';
}

export type BodyResult = { ok: true; value: unknown } | { ok: false; reason: 'body-too-large' | 'bad-json' };

function declaredLength(request: Request): number | null {
  const header = request.headers.get('content-length');
  if (header === null || !/^\d+$/.test(header.trim())) return null;
  return Number(header.trim());
}

/**
 * The raw bytes, or null as soon as more than maxBytes have arrived (the stream is cancelled).
 * `onChunk` sees every chunk as it arrives (a blob is hashed while it is read).
 */
export async function readLimited(request: Request, maxBytes: number, onChunk?: (chunk: Uint8Array) => void): Promise<Uint8Array | null> {
  const declared = declaredLength(request);
  if (declared !== null && declared > maxBytes) {
    await request.body?.cancel().catch(() => undefined);
    return null;
  }
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    let chunk: Awaited<ReturnType<typeof reader.read>>;
    try {
      chunk = await reader.read();
    } catch {
      throw new BodyAbortedError('The request body ended before it was complete.');
    }
    const { done, value } = chunk;
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    onChunk?.(value);
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

export async function readJsonBody(request: Request, maxBytes: number): Promise<BodyResult> {
  const bytes = await readLimited(request, maxBytes);
  if (bytes === null) return { ok: false, reason: 'body-too-large' };
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, reason: 'bad-json' };
  }
}
