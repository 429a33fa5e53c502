/** How the send progress reads: sizes with the language's decimal mark, a duration, a first name. */
import type { Lang } from './localized';

/** 1,2 MB / 340 KB (vi); 1.2 MB / 340 KB (en). Units of 1024. */
export function formatBytes(bytes: number, lang: Lang): string {
  const locale = lang === 'vi' ? 'vi-VN' : 'en-GB';
  if (bytes < 1024 * 1024) return `${Math.max(0, Math.round(bytes / 1024)).toLocaleString(locale)} KB`;
  return `${(bytes / (1024 * 1024)).toLocaleString(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 })} MB`;
}

/** Whole seconds under a minute, else minutes and seconds (rounded up: an estimate should not promise too early). */
export function splitDuration(ms: number): { minutes: number; seconds: number } {
  const total = Math.max(1, Math.ceil(ms / 1000));
  return { minutes: Math.floor(total / 60), seconds: total % 60 };
}

/** The given name of a Vietnamese full name: its last word ("Nguyễn Thị Hoa" → "Hoa"). */
export function givenName(fullName: string): string {
  const words = fullName.trim().split(/\s+/);
  return words[words.length - 1] ?? '';
}
