/** The i18n key of what went wrong with a hand-off file, for any error the export or import throws. */
import { StorageFullError } from '../storage/quota';
import { HandoffError } from '../sync/handoff';

export const HANDOFF_ERROR_KEYS = ['wrong-passphrase', 'damaged', 'not-a-handoff-file', 'unsupported-version', 'weak-passphrase', 'storage-full', 'unknown'] as const;

export function handoffErrorKey(error: unknown): string {
  if (error instanceof HandoffError) return `handoff.errors.${error.code}`;
  if (error instanceof StorageFullError) return 'handoff.errors.storage-full';
  return 'handoff.errors.unknown';
}
