import { afterEach, describe, expect, it, vi } from 'vitest';
import { SYNC_LOCK_NAME, webLock } from '../../../src/sync/lock';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('webLock', () => {
  it('runs the function through navigator.locks.request with the lock name', async () => {
    const names: string[] = [];
    vi.stubGlobal('navigator', {
      locks: {
        request: async <T>(name: string, fn: () => Promise<T>) => {
          names.push(name);
          return fn();
        },
      },
    });
    expect(await webLock('mcld-sync')(async () => 42)).toBe(42);
    expect(await webLock()(async () => 'default')).toBe('default');
    expect(names).toEqual(['mcld-sync', SYNC_LOCK_NAME]);
  });

  it('runs the function directly where Web Locks are missing', async () => {
    vi.stubGlobal('navigator', {});
    expect(await webLock('mcld-sync')(async () => 'ran')).toBe('ran');
    vi.stubGlobal('navigator', undefined);
    expect(await webLock('mcld-sync')(async () => 'ran too')).toBe('ran too');
  });

  it('passes failures through', async () => {
    vi.stubGlobal('navigator', {});
    await expect(webLock('x')(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
  });
});
