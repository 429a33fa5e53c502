/**
 * One picked or photographed file → one AttachmentRef: shrunk off the main thread, hashed, and
 * the small copy stored in IndexedDB. The original File is never stored; only the ref goes into
 * the answers, and the bytes travel later as a blob.
 */
import type { AttachmentRef, AttachmentType } from '../../domain/form-schema';
import { phone } from '../phone';
import { StorageFullError } from '../../storage/quota';
import { CompressError, compressPhoto } from './compress';
import { sha256Hex } from './sha256';

/** Why a picked file was not attached; the page says `photo.errors.<problem>`. */
export const ATTACH_PROBLEMS = ['too-large', 'unsupported-type', 'decode-failed', 'storage-full'] as const;

export type AttachProblem = (typeof ATTACH_PROBLEMS)[number];

export class AttachError extends Error {
  constructor(readonly problem: AttachProblem) {
    super(`attach: ${problem}`);
    this.name = 'AttachError';
  }
}

/** What a file is called in the answers: its own name, with .jpg once it has become a JPEG. */
export function refName(original: string, type: AttachmentType): string {
  const base = original.trim() || 'anh';
  if (type !== 'image/jpeg') return base.slice(0, 200);
  const stem = base.replace(/\.[a-z0-9]{1,5}$/i, '');
  return `${stem.slice(0, 195)}.jpg`;
}

/** Whether a file of this type could become one of `accept` (any image becomes a JPEG). */
export function canAccept(fileType: string, accept: readonly AttachmentType[]): boolean {
  if (fileType === 'application/pdf') return accept.includes('application/pdf');
  return fileType.startsWith('image/') && accept.includes('image/jpeg');
}

export async function attachFile(file: File, accept: readonly AttachmentType[]): Promise<AttachmentRef> {
  if (!canAccept(file.type, accept)) throw new AttachError('unsupported-type');
  let compressed;
  try {
    compressed = await compressPhoto(file);
  } catch (error) {
    if (error instanceof CompressError) {
      throw new AttachError(error.code === 'too-large' || error.code === 'unsupported-type' ? error.code : 'decode-failed');
    }
    throw new AttachError('decode-failed');
  }
  const sha256 = await sha256Hex(compressed.blob);
  try {
    await phone().blobs.putBlob(sha256, compressed.blob, compressed.type, Date.now());
  } catch (error) {
    if (error instanceof StorageFullError) throw new AttachError('storage-full');
    throw error;
  }
  return { sha256, name: refName(file.name, compressed.type), type: compressed.type, size: compressed.blob.size };
}
