/** Moved to src/ui/review/ (shared with the console); this path stays for existing imports. */
export * from '../../../ui/review/format-answer';
