/**
 * Browser tests drive a real Chromium. Where it is missing on Debian (as root) this installs
 * Debian's package; elsewhere it says how to point the tests at a browser.
 */
import { existsSync, readFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { CHROMIUM_PATH } from './chromium-path';

function isDebian(): boolean {
  try {
    return /debian/i.test(readFileSync('/etc/os-release', 'utf8'));
  } catch {
    return false;
  }
}

if (existsSync(CHROMIUM_PATH)) {
  console.log(`Browser tests will use ${CHROMIUM_PATH}`);
} else if (isDebian() && process.getuid?.() === 0) {
  console.log('Chromium is missing: installing Debian’s package (apt-get install -y chromium)…');
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
} else {
  console.error(
    `No Chromium at ${CHROMIUM_PATH}. Install Chromium or Chrome and set CHROMIUM_PATH=/path/to/browser, then run npm test again.`,
  );
  process.exit(1);
}
