import { describe, expect, it } from 'vitest';
import {
  createSettingsStore,
  getDeviceId,
  getLanguage,
  getLastSyncAt,
  getSyncCursor,
  setLanguage,
  setLastSyncAt,
  setSettingsStore,
  setSyncCursor,
} from '../../../src/storage/settings';
import { useFreshStorage } from './fresh-storage';

useFreshStorage();

describe('settings', () => {
  it('makes the device id once and keeps it, even when first asked twice at once', async () => {
    const [a, b] = await Promise.all([getDeviceId(), getDeviceId()]);
    expect(a).toMatch(/^[0-9a-f-]{36}$/);
    expect(b).toBe(a);
    expect(await getDeviceId()).toBe(a);
  });

  it('a different settings store (another phone) has another id', async () => {
    const first = await getDeviceId();
    setSettingsStore(createSettingsStore(`other-${crypto.randomUUID()}`));
    expect(await getDeviceId()).not.toBe(first);
  });

  it('language defaults to Vietnamese and remembers English', async () => {
    expect(await getLanguage()).toBe('vi');
    await setLanguage('en');
    expect(await getLanguage()).toBe('en');
    await setLanguage('vi');
    expect(await getLanguage()).toBe('vi');
  });

  it('sync cursor starts at 0, last sync at null, and both are kept', async () => {
    expect(await getSyncCursor()).toBe(0);
    expect(await getLastSyncAt()).toBeNull();
    await setSyncCursor(42);
    await setLastSyncAt(1_700_000_000_000);
    expect(await getSyncCursor()).toBe(42);
    expect(await getLastSyncAt()).toBe(1_700_000_000_000);
  });
});
