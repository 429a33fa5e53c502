/**
 * SQL shared between the adapters is written with SQLite's `?` placeholders; PostgreSQL numbers
 * them. Converted once, when a module loads, never per query. Shared SQL has no `?` elsewhere
 * (no string literals with one, no jsonb `?` operator).
 */
export function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}
