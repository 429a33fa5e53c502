/**
 * Saves a draft on every change. Writes are chained so they land in order, and each one
 * carries the whole latest state: a killed browser loses at most the keystroke in flight.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Answers } from '../../domain/form-schema';
import { phone } from '../phone';
import { registerFlush } from '../lock/save-barrier';

export type SaveState = 'idle' | 'saving' | 'saved' | 'failed';

export interface DraftPatch {
  answers?: Answers;
  focusField?: string;
  label?: string;
}

export function useAutosave(draftId: string) {
  const [state, setState] = useState<SaveState>('idle');
  const chain = useRef<Promise<void>>(Promise.resolve());
  const pending = useRef(0);

  function save(patch: DraftPatch): Promise<void> {
    pending.current += 1;
    setState('saving');
    chain.current = chain.current
      .then(() => phone().drafts.saveDraft(draftId, patch, Date.now()))
      .then(
        () => {
          pending.current -= 1;
          if (pending.current === 0) setState('saved');
        },
        (error: unknown) => {
          pending.current -= 1;
          console.error('draft save failed', error);
          setState('failed');
        },
      );
    return chain.current;
  }

  /** Resolves once every save asked for so far has reached IndexedDB. */
  const flush = () => chain.current;
  // The lock waits for this form's saves before the key leaves memory.
  useEffect(() => registerFlush(() => chain.current), []);

  return { state, save, flush };
}
