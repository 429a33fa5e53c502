/**
 * How a photo of a paper is made small enough to send from a weak signal: decoded upright, scaled
 * so its longest side is at most 1600 px, and re-encoded as JPEG, lowering the quality until it
 * fits in about 250 KB. PDFs pass through as they are (≤ 5 MiB). Shared by the worker and the
 * main-thread fallback; the canvas is supplied by the caller.
 */
export const MAX_SIDE_PX = 1600;
export const TARGET_BYTES = 250 * 1024;
/** The server refuses larger blobs (DEFAULT_MAX_BLOB_BYTES). */
export const MAX_BLOB_BYTES = 5 * 1024 * 1024;
/** A picked file larger than this is not even decoded (a phone photo is well under it). */
export const MAX_INPUT_BYTES = 50 * 1024 * 1024;
/** Tried in order; the first that fits in TARGET_BYTES wins, else the last. */
export const JPEG_QUALITIES = [0.82, 0.74, 0.66, 0.58, 0.5] as const;

export type CompressErrorCode = 'too-large' | 'unsupported-type' | 'decode-failed' | 'no-canvas';

export class CompressError extends Error {
  constructor(readonly code: CompressErrorCode) {
    super(`compress: ${code}`);
    this.name = 'CompressError';
  }
}

export interface Compressed {
  blob: Blob;
  /** image/jpeg, or application/pdf for a PDF passed through. */
  type: 'image/jpeg' | 'application/pdf';
  width: number;
  height: number;
}

/** A 2D surface of a given size that can encode itself as JPEG (OffscreenCanvas or a DOM canvas). */
export interface Surface {
  context: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;
  toJpeg(quality: number): Promise<Blob>;
}

export type MakeSurface = (width: number, height: number) => Surface | null;

/** The size that keeps the aspect ratio with the longest side at most `maxSide`. */
export function fitWithin(width: number, height: number, maxSide: number = MAX_SIDE_PX): { width: number; height: number } {
  const scale = Math.min(1, maxSide / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

export async function compressImage(file: Blob, makeSurface: MakeSurface): Promise<Compressed> {
  if (file.type === 'application/pdf') {
    if (file.size > MAX_BLOB_BYTES) throw new CompressError('too-large');
    return { blob: file, type: 'application/pdf', width: 0, height: 0 };
  }
  if (!file.type.startsWith('image/')) throw new CompressError('unsupported-type');
  if (file.size > MAX_INPUT_BYTES) throw new CompressError('too-large');
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    throw new CompressError('decode-failed');
  }
  try {
    const { width, height } = fitWithin(bitmap.width, bitmap.height);
    const surface = makeSurface(width, height);
    if (!surface) throw new CompressError('no-canvas');
    // JPEG has no transparency: a PNG scan's clear background becomes white, not black.
    surface.context.fillStyle = '#fff';
    surface.context.fillRect(0, 0, width, height);
    surface.context.drawImage(bitmap, 0, 0, width, height);
    let blob: Blob | null = null;
    for (const quality of JPEG_QUALITIES) {
      blob = await surface.toJpeg(quality);
      if (blob.size <= TARGET_BYTES) break;
    }
    if (!blob || blob.size === 0) throw new CompressError('decode-failed');
    if (blob.size > MAX_BLOB_BYTES) throw new CompressError('too-large');
    return { blob, type: 'image/jpeg', width, height };
  } finally {
    bitmap.close();
  }
}

/** An OffscreenCanvas surface, or null where OffscreenCanvas has no 2D context (Safari before 16.4). */
export function offscreenSurface(width: number, height: number): Surface | null {
  if (typeof OffscreenCanvas === 'undefined') return null;
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d');
  if (!context) return null;
  return { context, toJpeg: (quality) => canvas.convertToBlob({ type: 'image/jpeg', quality }) };
}
