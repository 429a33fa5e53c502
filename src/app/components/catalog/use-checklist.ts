/**
 * Which documents have been ticked for one procedure. Not personal data; kept in sessionStorage so
 * a reload or a look at the form keeps the ticks, and closing the tab forgets them.
 */
import { useState } from 'preact/hooks';

const PREFIX = 'mcld:checklist:';

function read(key: string): string[] {
  try {
    const parsed: unknown = JSON.parse(sessionStorage.getItem(PREFIX + key) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

function write(key: string, ids: readonly string[]): void {
  try {
    if (ids.length === 0) sessionStorage.removeItem(PREFIX + key);
    else sessionStorage.setItem(PREFIX + key, JSON.stringify(ids));
  } catch {
    // Storage refused (private mode, quota): ticks stay in memory only.
  }
}

export function useChecklist(key: string) {
  const [checked, setChecked] = useState<ReadonlySet<string>>(() => new Set(read(key)));
  const update = (next: Set<string>) => {
    setChecked(next);
    write(key, [...next]);
  };
  return {
    checked,
    toggle(id: string, on: boolean) {
      const next = new Set(checked);
      if (on) next.add(id);
      else next.delete(id);
      update(next);
    },
    clear() {
      update(new Set());
    },
  };
}
