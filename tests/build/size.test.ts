/** Sizes are deterministic, so the first-load budget is a test; timings live in benchmarks. */
import { describe, expect, it } from 'vitest';
import { FIRST_LOAD_BUDGET_BYTES, measureFirstLoad } from './first-load';

describe('first-load weight, as the server sends it', () => {
  it(`stays within ${FIRST_LOAD_BUDGET_BYTES / 1024} KiB and within 5 % of brotli's best`, async () => {
    const load = await measureFirstLoad();
    for (const f of load.files) console.log(`  ${f.file}: ${f.raw} B raw, ${f.served} B sent (${f.encoding ?? 'identity'})`);
    console.log(
      `first screen: ${(load.totalServed / 1024).toFixed(1)} KiB sent of ${FIRST_LOAD_BUDGET_BYTES / 1024} KiB, ` +
        `${(load.totalServed / load.totalBrotli).toFixed(3)}x brotli`,
    );
    expect(load.files.some((f) => f.file.endsWith('.js'))).toBe(true);
    for (const f of load.files) if (f.raw >= 1024) expect(f.encoding, f.file).toBe('br');
    expect(load.totalServed).toBeLessThanOrEqual(FIRST_LOAD_BUDGET_BYTES);
    expect(load.totalServed).toBeLessThanOrEqual(load.totalBrotli * 1.05);
  });
});
