/** The messages between compress.ts and its worker. */
import type { CompressErrorCode, Compressed } from './compress-image';

export interface WorkerRequest {
  id: number;
  file: Blob;
}

export type WorkerReply = { id: number; ok: true; result: Compressed } | { id: number; ok: false; code: CompressErrorCode };
