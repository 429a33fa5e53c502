import { describe, expect, it } from 'vitest';
import { checkStorage, requestPersistence, type StorageManagerLike } from '../../../src/storage/persistence';

const MiB = 1024 * 1024;

function manager(state: { persisted: boolean; grant: boolean; usage: number; quota: number }): StorageManagerLike & { asked: number } {
  const m = {
    asked: 0,
    persisted: async () => state.persisted,
    persist: async () => {
      m.asked += 1;
      state.persisted = state.grant;
      return state.grant;
    },
    estimate: async () => ({ usage: state.usage, quota: state.quota }),
  };
  return m;
}

describe('persistent storage and quota', () => {
  it('asks once when not yet persisted; reports granted or refused', async () => {
    const granted = manager({ persisted: false, grant: true, usage: 0, quota: 1000 * MiB });
    expect(await requestPersistence(granted)).toBe(true);
    expect(await requestPersistence(granted)).toBe(true);
    expect(granted.asked).toBe(1);
    const refused = manager({ persisted: false, grant: false, usage: 0, quota: 1000 * MiB });
    expect(await requestPersistence(refused)).toBe(false);
    expect(await requestPersistence(undefined)).toBeNull();
    expect(await requestPersistence({ persist: () => Promise.reject(new Error('denied')) })).toBe(false);
  });

  it('nearly full at 90 % used or under 5 MiB free', async () => {
    expect((await checkStorage(manager({ persisted: true, grant: true, usage: 10 * MiB, quota: 1000 * MiB }))).nearlyFull).toBe(false);
    expect((await checkStorage(manager({ persisted: true, grant: true, usage: 900 * MiB, quota: 1000 * MiB }))).nearlyFull).toBe(true);
    expect(await checkStorage(manager({ persisted: false, grant: true, usage: 1 * MiB, quota: 5.5 * MiB }))).toEqual({
      persisted: false,
      usage: 1 * MiB,
      quota: 5.5 * MiB,
      nearlyFull: true,
    });
  });

  it('a browser without the API, or one that throws, gives nulls and no warning', async () => {
    expect(await checkStorage(undefined)).toEqual({ persisted: null, usage: null, quota: null, nearlyFull: false });
    const broken: StorageManagerLike = { persisted: () => Promise.reject(new Error('x')), estimate: () => Promise.reject(new Error('y')) };
    expect(await checkStorage(broken)).toEqual({ persisted: null, usage: null, quota: null, nearlyFull: false });
  });
});
