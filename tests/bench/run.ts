/**
 * `npm run bench`: prints figures, never fails on timing. Each benchmark is its own module so
 * it can also be run alone with tsx.
 */
import { measureFirstLoad, FIRST_LOAD_BUDGET_BYTES } from '../build/first-load';
import { runCampaignReportBench } from './campaign-report';
import { runIngestBench } from './ingest';
import { runLoginBench } from './login-cost';
import { runSyncBench } from './sync-throttled';

async function firstLoad(): Promise<void> {
  try {
    const load = await measureFirstLoad();
    console.log(`\n# First load (brotli, as served): ${(load.totalServed / 1024).toFixed(1)} KiB of ${FIRST_LOAD_BUDGET_BYTES / 1024} KiB`);
    for (const f of load.files) console.log(`  ${f.file}: ${f.served} B`);
  } catch {
    console.log('\n# First load: no build found (run npm run build first)');
  }
}

await firstLoad();
await runIngestBench();
console.log('');
await runLoginBench();
console.log('');
await runSyncBench();
console.log('');
await runCampaignReportBench();
