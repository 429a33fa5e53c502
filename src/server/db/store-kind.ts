/** The two databases the server runs on: the embedded SQLite file, or PostgreSQL for several processes. */
export type StoreKind = 'sqlite' | 'postgres';
