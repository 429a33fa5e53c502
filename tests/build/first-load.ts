/** Measures what the first screen needs: index.html and the CSS/JS it links, gzipped. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const DIST = join(import.meta.dirname, '..', '..', 'dist', 'client');

/** The budget from the foundation issue: HTML + CSS + JS of the first screen, gzip. */
export const FIRST_LOAD_BUDGET_BYTES = 64 * 1024;

export interface FirstLoad {
  files: Array<{ file: string; raw: number; gzip: number }>;
  totalGzip: number;
}

export function measureFirstLoad(dist = DIST): FirstLoad {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const linked = [...html.matchAll(/(?:src|href)="\/([^"]+\.(?:js|css))"/g)].map((m) => m[1] as string);
  const files = ['index.html', ...new Set(linked)].map((file) => {
    const bytes = readFileSync(join(dist, file));
    return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  return { files, totalGzip: files.reduce((sum, f) => sum + f.gzip, 0) };
}
