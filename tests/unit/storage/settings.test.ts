import { describe, expect, it } from 'vitest';
import { createSettings, createSettingsStore } from '../../../src/storage/settings';
import { useFreshStorage } from './fresh-storage';

const storage = useFreshStorage();
const settings = () => storage().settings;

describe('settings', () => {
  it('makes the device id once and keeps it, even when first asked twice at once', async () => {
    const [a, b] = await Promise.all([settings().getDeviceId(), settings().getDeviceId()]);
    expect(a).toMatch(/^[0-9a-f-]{36}$/);
    expect(b).toBe(a);
    expect(await settings().getDeviceId()).toBe(a);
  });

  it('a different settings store (another phone) has another id', async () => {
    const first = await settings().getDeviceId();
    const other = createSettings(createSettingsStore(`other-${crypto.randomUUID()}`));
    expect(await other.getDeviceId()).not.toBe(first);
    expect(await settings().getDeviceId()).toBe(first);
  });

  it('language defaults to Vietnamese and remembers English', async () => {
    expect(await settings().getLanguage()).toBe('vi');
    await settings().setLanguage('en');
    expect(await settings().getLanguage()).toBe('en');
    await settings().setLanguage('vi');
    expect(await settings().getLanguage()).toBe('vi');
  });

  it('sync cursor starts at 0, last sync at null, and both are kept', async () => {
    expect(await settings().getSyncCursor()).toBe(0);
    expect(await settings().getLastSyncAt()).toBeNull();
    await settings().setSyncCursor(42);
    await settings().setLastSyncAt(1_700_000_000_000);
    expect(await settings().getSyncCursor()).toBe(42);
    expect(await settings().getLastSyncAt()).toBe(1_700_000_000_000);
  });
});
