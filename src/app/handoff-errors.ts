/** The i18n key of what went wrong with a hand-off file, for any error the export or import throws. */
import { StorageFullError } from '../storage/quota';
import { HANDOFF_ERROR_CODES, HandoffError } from '../sync/handoff';

/** Every reason has a sentence in both locales (the locale test reads this list). */
export const HANDOFF_ERROR_KEYS = [...HANDOFF_ERROR_CODES, 'storage-full', 'unknown'] as const;
export type HandoffErrorKey = (typeof HANDOFF_ERROR_KEYS)[number];

export function handoffErrorKey(error: unknown): `handoff.errors.${HandoffErrorKey}` {
  if (error instanceof HandoffError) return `handoff.errors.${error.code}`;
  if (error instanceof StorageFullError) return 'handoff.errors.storage-full';
  return 'handoff.errors.unknown';
}
