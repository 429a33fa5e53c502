/**
 * Module worker that shrinks photos off the main thread, so the form stays responsive while a
 * 12-megapixel picture is decoded and re-encoded. One message in ({ id, file }), one out.
 */
import { CompressError, compressImage, offscreenSurface } from './compress-image';
import type { WorkerReply, WorkerRequest } from './compress-protocol';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerReply): void;
};

scope.onmessage = (event) => {
  const { id, file } = event.data;
  compressImage(file, offscreenSurface).then(
    (result) => scope.postMessage({ id, ok: true, result }),
    (error: unknown) => scope.postMessage({ id, ok: false, code: error instanceof CompressError ? error.code : 'decode-failed' }),
  );
};
