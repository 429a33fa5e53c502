/** Sizes are deterministic, so the first-load budget is a test; timings live in benchmarks. */
import { describe, expect, it } from 'vitest';
import { FIRST_LOAD_BUDGET_BYTES, measureFirstLoad } from './first-load';

describe('first-load weight', () => {
  it(`stays within ${FIRST_LOAD_BUDGET_BYTES / 1024} KiB gzip`, () => {
    const load = measureFirstLoad();
    for (const f of load.files) console.log(`  ${f.file}: ${f.raw} B raw, ${f.gzip} B gzip`);
    console.log(`first load: ${(load.totalGzip / 1024).toFixed(1)} KiB gzip of ${FIRST_LOAD_BUDGET_BYTES / 1024} KiB`);
    expect(load.files.some((f) => f.file.endsWith('.js'))).toBe(true);
    expect(load.totalGzip).toBeLessThanOrEqual(FIRST_LOAD_BUDGET_BYTES);
  });
});
