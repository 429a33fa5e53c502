/** GET /api/v1/catalog: the published catalogue with an ETag; a bad CATALOG_PATH stops the server. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../src/server/http/app';
import { openSqliteStores } from '../../../src/server/stores';
import { CatalogFileError, loadCatalog } from '../../../src/server/catalog/catalog-source';
import { BUNDLED_CATALOG } from '../../../src/content/catalog';
import { validateCatalog } from '../../../src/domain/catalog';
import type { Stores } from '../../../src/server/stores';

const dir = mkdtempSync(join(tmpdir(), 'mcld-catalog-'));
let store: Stores | null = null;

afterEach(async () => {
  await store?.close();
  store = null;
});

function app(catalog = BUNDLED_CATALOG) {
  store = openSqliteStores(join(dir, `${Math.random().toString(36).slice(2)}.sqlite`));
  return createApp({ stores: store, communeCode: '15865', catalog });
}

describe('GET /api/v1/catalog', () => {
  it('answers the catalogue with a strong ETag, and 304 when the phone has it', async () => {
    const server = app();
    const first = await server.request('/api/v1/catalog');
    expect(first.status).toBe(200);
    const etag = first.headers.get('ETag');
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    const body = (await first.json()) as { catalog: unknown };
    expect(validateCatalog(body.catalog)).toEqual({ ok: true, catalog: BUNDLED_CATALOG });

    const again = await server.request('/api/v1/catalog', { headers: { 'If-None-Match': etag ?? '' } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    const stale = await server.request('/api/v1/catalog', { headers: { 'If-None-Match': '"old"' } });
    expect(stale.status).toBe(200);
  });

  it('changes its ETag when the commune publishes a corrected catalogue', async () => {
    const corrected = { ...BUNDLED_CATALOG, version: BUNDLED_CATALOG.version + 1, publishedOn: '2026-12-01' };
    const a = (await app().request('/api/v1/catalog')).headers.get('ETag');
    const b = (await app(corrected).request('/api/v1/catalog')).headers.get('ETag');
    expect(a).not.toBe(b);
  });
});

describe('CATALOG_PATH', () => {
  it('loads a valid commune catalogue and refuses a malformed one at start', () => {
    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify({ ...BUNDLED_CATALOG, publishedOn: '2026-12-02' }));
    expect(loadCatalog(good).publishedOn).toBe('2026-12-02');
    expect(loadCatalog(undefined)).toBe(BUNDLED_CATALOG);

    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ version: 1, procedures: [] }));
    expect(() => loadCatalog(bad)).toThrow(CatalogFileError);
    const notJson = join(dir, 'not.json');
    writeFileSync(notJson, '{');
    expect(() => loadCatalog(notJson)).toThrow(/not readable JSON/);
  });
});
