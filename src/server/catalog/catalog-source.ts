/**
 * Which catalogue the server publishes: the bundled one, or a commune's own corrected copy
 * (CATALOG_PATH). A file that fails validateCatalog stops the server at start, never a phone.
 */
import { readFileSync } from 'node:fs';
import { BUNDLED_CATALOG } from '../../content/catalog';
import { type Catalog, validateCatalog } from '../../domain/catalog';

export class CatalogFileError extends Error {
  override name = 'CatalogFileError';
}

export function loadCatalog(path: string | undefined): Catalog {
  if (!path) return BUNDLED_CATALOG;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new CatalogFileError(`CATALOG_PATH ${path} is not readable JSON: ${(error as Error).message}`);
  }
  const check = validateCatalog(parsed);
  if (!check.ok) throw new CatalogFileError(`CATALOG_PATH ${path} is not a valid catalogue:\n  ${check.errors.slice(0, 20).join('\n  ')}`);
  return check.catalog;
}
