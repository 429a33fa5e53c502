/** What the global setup tells the test files about PostgreSQL (vitest `provide`/`inject`). */

export type PostgresForTests = { available: true; url: string; source: string } | { available: false; reason: string; required: boolean };

declare module 'vitest' {
  export interface ProvidedContext {
    postgres: PostgresForTests;
  }
}

/** CI, or REQUIRE_POSTGRES=1, turns "PostgreSQL unavailable" from a skip into a failure. */
export function postgresRequired(env: NodeJS.ProcessEnv = process.env): boolean {
  const ci = env.CI?.trim().toLowerCase();
  return (ci !== undefined && ci !== '' && ci !== '0' && ci !== 'false') || env.REQUIRE_POSTGRES === '1';
}
