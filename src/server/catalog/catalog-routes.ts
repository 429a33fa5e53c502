/**
 * GET /api/v1/catalog: the procedure catalogue this commune publishes, with a strong ETag so
 * phones on 2G revalidate with one small request (304) instead of downloading it again.
 */
import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import type { Catalog } from '../../domain/catalog';

export interface CatalogResponse {
  catalog: Catalog;
}

export function catalogRoutes(catalog: Catalog): Hono {
  const body = JSON.stringify({ catalog } satisfies CatalogResponse);
  const etag = `"${createHash('sha256').update(body).digest('base64url')}"`;
  const app = new Hono();
  app.get('/', (c) => {
    const headers = { ETag: etag, 'Cache-Control': 'no-cache' };
    const ifNoneMatch = c.req.header('if-none-match') ?? '';
    if (ifNoneMatch.split(',').some((tag) => tag.trim() === etag || tag.trim() === '*')) {
      return c.body(null, 304, headers);
    }
    return c.body(body, 200, { ...headers, 'Content-Type': 'application/json; charset=utf-8' });
  });
  return app;
}
