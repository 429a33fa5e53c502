/**
 * The one door through which screens get the commune's villages: the copy kept on the phone,
 * refreshed from the server once per app start (sync/villages-update). Empty until the phone
 * has been online once.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Village } from '../domain/campaign';
import { createVillagesCache } from '../storage/villages-cache';
import { updateVillages } from '../sync/villages-update';

const cache = createVillagesCache();
let current: Village[] | undefined;
let loading: Promise<void> | null = null;
const listeners = new Set<(villages: Village[]) => void>();

function publish(villages: Village[]): void {
  current = villages;
  listeners.forEach((listener) => listener(villages));
}

function load(): Promise<void> {
  loading ??= cache
    .getCachedVillages()
    .then((cached) => publish(cached?.villages ?? []))
    .then(() => updateVillages({ fetch: (input, init) => fetch(input, init), now: Date.now, cache }))
    .then((result) => {
      if (result.outcome === 'updated') publish(result.villages);
    })
    .catch((error: unknown) => console.warn('village list update failed', error));
  return loading;
}

/** The villages; undefined while the phone's copy is being read. */
export function useVillages(): Village[] | undefined {
  const [villages, setVillages] = useState(current);
  useEffect(() => {
    listeners.add(setVillages);
    void load();
    return () => {
      listeners.delete(setVillages);
    };
  }, []);
  return villages;
}
