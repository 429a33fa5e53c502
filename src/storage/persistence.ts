/**
 * How safe the phone's copy is: whether the browser promised to keep our data (persistent
 * storage) and how close the origin is to its quota. Unsent dossiers exist nowhere else, so the
 * UI warns while any are waiting and this says "not persisted" or "nearly full". The StorageManager
 * is passed in (tests give a fake; the page and the worker give navigator.storage).
 */

/** The parts of StorageManager we use; each is optional because old browsers lack some. */
export interface StorageManagerLike {
  persisted?: () => Promise<boolean>;
  persist?: () => Promise<boolean>;
  estimate?: () => Promise<{ usage?: number; quota?: number }>;
}

export interface StorageHealth {
  /** true: the browser will not evict us; false: it may; null: the browser cannot tell. */
  persisted: boolean | null;
  usage: number | null;
  quota: number | null;
  /** Used ≥ 90 % of the quota, or less than 5 MiB left: a few photos could fill it. */
  nearlyFull: boolean;
}

export const NEARLY_FULL_RATIO = 0.9;
export const NEARLY_FULL_FREE_BYTES = 5 * 1024 * 1024;

function defaultManager(): StorageManagerLike | undefined {
  return (globalThis as { navigator?: { storage?: StorageManagerLike } }).navigator?.storage;
}

/** Asks for persistent storage once; true when granted, false when refused, null when unsupported. */
export async function requestPersistence(manager: StorageManagerLike | undefined = defaultManager()): Promise<boolean | null> {
  if (!manager?.persist) return null;
  try {
    if (manager.persisted && (await manager.persisted())) return true;
    return await manager.persist();
  } catch {
    return false;
  }
}

/** What the warning banner needs; never throws (a browser without the API gets nulls). */
export async function checkStorage(manager: StorageManagerLike | undefined = defaultManager()): Promise<StorageHealth> {
  let persisted: boolean | null = null;
  let usage: number | null;
  let quota: number | null;
  try {
    if (manager?.persisted) persisted = await manager.persisted();
  } catch {
    persisted = null;
  }
  try {
    const estimate = manager?.estimate ? await manager.estimate() : undefined;
    usage = typeof estimate?.usage === 'number' ? estimate.usage : null;
    quota = typeof estimate?.quota === 'number' ? estimate.quota : null;
  } catch {
    usage = quota = null;
  }
  const nearlyFull =
    usage !== null && quota !== null && quota > 0 && (usage / quota >= NEARLY_FULL_RATIO || quota - usage < NEARLY_FULL_FREE_BYTES);
  return { persisted, usage, quota, nearlyFull };
}
