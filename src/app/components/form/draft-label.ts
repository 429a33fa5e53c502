/**
 * The name a draft is listed under. It follows the resident's name as typed, until someone
 * renames the draft: a label that no longer equals the name typed before is the user's own and
 * is never overwritten (so no extra "set by user" flag needs storing).
 */
import type { FormDefinition } from '../../../domain/form-schema';
import { cleanText } from '../../../domain/text';

/** The field holding the resident's name: the one the CCCD QR fills, else `fullName`. */
export function residentNameField(form: FormDefinition): string | undefined {
  if (form.qrMap?.fullName) return form.qrMap.fullName;
  return form.fields.some((f) => f.id === 'fullName') ? 'fullName' : undefined;
}

const nameOf = (value: unknown): string => (typeof value === 'string' ? cleanText(value) : '');

/** The label to store after the name changed from `previousName` to `nextName`, or undefined to leave it. */
export function nextDraftLabel(current: string | undefined, previousName: unknown, nextName: unknown): string | undefined {
  const before = nameOf(previousName);
  const after = nameOf(nextName);
  if (before === after) return undefined;
  const label = cleanText(current ?? '');
  return label === '' || label === before ? after : undefined;
}
