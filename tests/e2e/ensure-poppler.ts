/**
 * The console's browser test reads printed receipts with pdftotext (poppler-utils). Where it is
 * missing on Debian (as root) this installs Debian's package; elsewhere it says what to install.
 */
import { execSync } from 'node:child_process';

function has(command: string): boolean {
  try {
    execSync(`command -v ${command}`, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

if (has('pdftotext')) {
  console.log('Printed forms will be read with pdftotext');
} else if (process.getuid?.() === 0 && has('apt-get')) {
  console.log('pdftotext is missing: installing Debian’s poppler-utils (apt-get install -y poppler-utils)…');
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils', { stdio: 'inherit' });
} else {
  console.error('No pdftotext: install poppler-utils (Debian/Ubuntu) or poppler (Homebrew), then run npm test again.');
  process.exit(1);
}
