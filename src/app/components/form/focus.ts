/** Puts the cursor on a field by its answer path, at any depth (reopening a draft, following an error link). */
import { domId, parentPath } from './paths';

const CONTROL = 'input:not([type=hidden]):not(:disabled), select:not(:disabled), textarea:not(:disabled), button:not(:disabled)';

/** Focuses the element with this id, or its first control (a fieldset: the checked radio first). */
export function focusElementById(id: string): boolean {
  const el = document.getElementById(id);
  if (!el) return false;
  const target = el.matches(CONTROL)
    ? el
    : (el.querySelector<HTMLElement>('input[type=radio]:checked') ?? el.querySelector<HTMLElement>(CONTROL) ?? el);
  target.focus();
  target.scrollIntoView({ block: 'center' });
  return true;
}

/** The field at `path`, or the nearest enclosing one that is on screen; false when none is. */
export function focusPath(path: string): boolean {
  for (let at: string | null = path; at !== null; at = parentPath(at)) {
    if (focusElementById(domId(at))) return true;
  }
  return false;
}

/** Focuses once the next frame has painted (after a render that adds the field). */
export function focusPathSoon(path: string): void {
  requestAnimationFrame(() => focusPath(path));
}
