/**
 * Issue 16, "ready for offline", through the throttling proxy on a slow link: a first visit shows
 * the precache's real progress rising, ends in "sẵn sàng", and only then does a reload with the
 * link cut open the app. The sync panel shows the same state afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startThrottleProxy, type ThrottleProxy } from '../bench/throttle-proxy';
import { BrowserProfile, ServerProcess } from './harness';

let server: ServerProcess;
let proxy: ThrottleProxy;
let profile: BrowserProfile;

beforeAll(async () => {
  server = await ServerProcess.create();
  await server.start();
  // Slow enough that the precache takes seconds, fast enough for CI.
  proxy = await startThrottleProxy({ targetPort: server.port, downBitsPerSecond: 600_000, upBitsPerSecond: 300_000, rttMs: 300 });
  profile = new BrowserProfile();
});

afterAll(async () => {
  await profile?.dispose();
  await proxy?.close();
  await server?.dispose();
});

describe('getting ready for offline on a slow link', () => {
  it('shows the precache rising to ready, and only then opens with no network', async () => {
    const context = await profile.launch();
    const page = context.pages()[0] ?? (await context.newPage());
    // Every text the strip ever shows, in order, recorded in the page as it changes.
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __readiness: string[] }).__readiness = seen;
      new MutationObserver(() => {
        const text = document.querySelector('[data-testid="offline-readiness"] .readiness__text')?.textContent ?? '';
        if (text && seen[seen.length - 1] !== text) seen.push(text);
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
    const origin = `http://127.0.0.1:${proxy.port}`;
    await page.goto(`${origin}/`);
    // The form list is there at first paint, before any second loading step.
    await page.getByRole('button', { name: /^Đăng ký tạm trú/ }).waitFor();

    const strip = page.getByTestId('offline-readiness');
    await expect.poll(() => strip.textContent(), { timeout: 90_000 }).toMatch(/Đã sẵn sàng dùng khi không có mạng ✓/);
    const seen = await page.evaluate(() => (window as unknown as { __readiness: string[] }).__readiness);
    const percents = seen
      .map((text) => /… (\d+) %/.exec(text)?.[1])
      .filter((p): p is string => p !== undefined)
      .map(Number);
    expect(percents.length).toBeGreaterThan(1);
    expect(percents.some((p) => p > 0 && p < 100)).toBe(true);
    for (let i = 1; i < percents.length; i++) expect(percents[i]).toBeGreaterThanOrEqual(percents[i - 1] as number);
    // "Ready" came last, after every percentage.
    expect(seen[seen.length - 1]).toMatch(/sẵn sàng/);
    expect(seen.slice(0, -1).every((text) => !/sẵn sàng/.test(text))).toBe(true);
    expect(await page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);

    // The strip hides by itself; the sync panel keeps the state.
    await strip.waitFor({ state: 'detached', timeout: 30_000 });
    await expect.poll(() => page.getByTestId('offline-readiness-line').textContent(), { timeout: 30_000 }).toMatch(/Đã sẵn sàng/);

    // The link is cut: the app still opens, whole.
    await context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Dịch vụ công trực tuyến có 4 mức độ' }).waitFor();
    await page.getByRole('button', { name: /^Đăng ký tạm trú/ }).waitFor();
    await expect.poll(() => page.getByTestId('offline-readiness-line').textContent(), { timeout: 30_000 }).toMatch(/Đã sẵn sàng/);
    await context.setOffline(false);
  });
});
