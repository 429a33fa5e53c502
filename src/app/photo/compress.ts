/**
 * Promise API over the compress worker: `compressPhoto(file)` resolves with the small JPEG (or the
 * PDF as it is) and rejects with a CompressError. The work runs in a module worker; the main
 * thread does it ONLY when this browser has no Worker or no OffscreenCanvas with a 2D context
 * (older Safari), because a photo has to be sendable even there, slow or not.
 */
import { CompressError, type Compressed, type Surface, compressImage, offscreenSurface } from './compress-image';
import type { WorkerReply, WorkerRequest } from './compress-protocol';

export { CompressError, type CompressErrorCode, type Compressed } from './compress-image';

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, { resolve: (result: Compressed) => void; reject: (error: unknown) => void }>();

function canUseWorker(): boolean {
  return typeof Worker !== 'undefined' && typeof OffscreenCanvas !== 'undefined';
}

function getWorker(): Worker {
  if (worker) return worker;
  const created = new Worker(new URL('./compress-worker.ts', import.meta.url), { type: 'module' });
  created.onmessage = (event: MessageEvent<WorkerReply>) => {
    const reply = event.data;
    const waiting = pending.get(reply.id);
    if (!waiting) return;
    pending.delete(reply.id);
    if (reply.ok) waiting.resolve(reply.result);
    else waiting.reject(new CompressError(reply.code));
  };
  created.onerror = () => {
    // The worker died (failed to load): fail what waits, make a new one next time.
    for (const waiting of pending.values()) waiting.reject(new CompressError('decode-failed'));
    pending.clear();
    worker = null;
  };
  worker = created;
  return created;
}

function inWorker(file: Blob): Promise<Compressed> {
  return new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve, reject });
    const request: WorkerRequest = { id, file };
    getWorker().postMessage(request);
  });
}

/** A surface on the page: OffscreenCanvas when it has 2D, else a detached <canvas>. */
function pageSurface(width: number, height: number): Surface | null {
  const offscreen = offscreenSurface(width, height);
  if (offscreen) return offscreen;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) return null;
  return {
    context,
    toJpeg: (quality) =>
      new Promise((resolve, reject) =>
        canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new CompressError('decode-failed'))), 'image/jpeg', quality),
      ),
  };
}

/** Shrinks a photo (≤ 1600 px, ~250 KB JPEG) or checks a PDF; the original is never kept. */
export async function compressPhoto(file: Blob): Promise<Compressed> {
  if (!canUseWorker()) return compressImage(file, pageSurface);
  try {
    return await inWorker(file);
  } catch (error) {
    // OffscreenCanvas without a 2D context in the worker: do it here instead.
    if (error instanceof CompressError && error.code === 'no-canvas') return compressImage(file, pageSurface);
    throw error;
  }
}
