/**
 * A Vite plugin: after the build (and after vite-plugin-pwa has written sw.js) every text file of
 * the output gets a brotli (`.br`, quality 11) and a gzip (`.gz`, level 9) copy beside it, so the
 * server sends compressed bytes without compressing per request. The server checks a copy against
 * its file before using it (src/server/http/compression.ts), so a stale copy is never sent.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

const TEXT = /\.(html|js|mjs|css|json|webmanifest|svg|txt)$/;
/** Smaller files go raw (the server does the same): compression would save less than a packet. */
const MIN_BYTES = 1024;

async function* files(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (TEXT.test(entry.name)) yield path;
  }
}

export function precompress(outDir: string): Plugin {
  return {
    name: 'mot-cua:precompress',
    apply: 'build',
    closeBundle: {
      order: 'post',
      sequential: true,
      async handler() {
        for await (const path of files(outDir)) {
          const bytes = await readFile(path);
          if (bytes.length < MIN_BYTES) continue;
          const br = brotliCompressSync(bytes, {
            params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
          });
          await writeFile(`${path}.br`, br);
          await writeFile(`${path}.gz`, gzipSync(bytes, { level: 9 }));
        }
      },
    },
  };
}
