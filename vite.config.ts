/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { fileURLToPath } from 'node:url';
import { MANIFEST } from './src/content/manifest.ts';

const here = fileURLToPath(new URL('.', import.meta.url));

/** One vitest project per kind of test; each runs from the repository root. */
function project(name: string, extra: Record<string, unknown> = {}) {
  return {
    root: here,
    test: { name, include: [`tests/${name}/**/*.test.ts`], environment: 'node' as const, ...extra },
  };
}

export default defineConfig({
  // index.html lives in src/ so the top level holds only what the design card lists.
  root: 'src',
  publicDir: '../public',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: '../dist/client',
    target: 'es2020',
    emptyOutDir: true,
    sourcemap: false,
    // Two pages: the phone app (index.html) and the one-stop shop's console (can-bo/index.html),
    // each with its own entry; the phone's service worker never precaches the console (below).
    rollupOptions: {
      input: {
        main: fileURLToPath(new URL('./src/index.html', import.meta.url)),
        console: fileURLToPath(new URL('./src/can-bo/index.html', import.meta.url)),
      },
    },
  },
  plugins: [
    VitePWA({
      strategies: 'injectManifest',
      srcDir: '../service-worker',
      filename: 'sw.ts',
      injectRegister: false,
      manifest: MANIFEST,
      injectManifest: {
        rollupFormat: 'iife',
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest,json}'],
        // The console is online-first and for office PCs: never in the phone's precache or budget.
        globIgnores: ['can-bo/**', 'assets/console-*'],
      },
      devOptions: { enabled: false },
    }),
  ],
  test: {
    projects: [
      project('unit', { setupFiles: ['tests/unit/setup.ts'] }),
      project('server', { globalSetup: ['tests/server/global-setup.ts'] }),
      project('build'),
      project('lint', { testTimeout: 30_000, hookTimeout: 30_000 }),
      project('e2e', { testTimeout: 120_000, hookTimeout: 180_000, fileParallelism: false }),
    ],
  },
});
