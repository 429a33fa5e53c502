/**
 * Every capability's repository over ONE database handle: one SQLite connection, or one
 * PostgreSQL pool, shared by all of them. This file is where a new capability's repository
 * (accounts, campaign log, …) is added, once per store kind; the app and the tests take the
 * bundle, and closing it closes the database.
 */
import type { AccountRepository } from './accounts/account-repository';
import { postgresAccountRepository } from './accounts/postgres-account-repository';
import { sqliteAccountRepository } from './accounts/sqlite-account-repository';
import type { AuditRepository } from './audit/audit-repository';
import { postgresAuditRepository } from './audit/postgres-audit-repository';
import { sqliteAuditRepository } from './audit/sqlite-audit-repository';
import type { CampaignRepository } from './campaign/campaign-repository';
import { postgresCampaignRepository } from './campaign/postgres-campaign-repository';
import { sqliteCampaignRepository } from './campaign/sqlite-campaign-repository';
import { openPostgresDatabase, type PostgresOpenOptions } from './db/postgres/postgres-database';
import { openSqliteDatabase, type SqliteOpenOptions } from './db/sqlite/sqlite-database';
import type { StoreKind } from './db/store-kind';
import type { DeviceRepository } from './devices/device-repository';
import { postgresDeviceRepository } from './devices/postgres-device-repository';
import { sqliteDeviceRepository } from './devices/sqlite-device-repository';
import type { DossierRepository } from './dossiers/dossier-repository';
import { postgresDossierRepository } from './dossiers/postgres-dossier-repository';
import { sqliteDossierRepository } from './dossiers/sqlite-dossier-repository';
import type { OfficeRepository } from './office/office-repository';
import { postgresOfficeRepository } from './office/postgres-office-repository';
import { sqliteOfficeRepository } from './office/sqlite-office-repository';
import { postgresSyncRepository } from './sync/postgres-sync-repository';
import { sqliteSyncRepository } from './sync/sqlite-sync-repository';
import type { SyncRepository, SyncRepositoryOptions } from './sync/sync-repository';

export interface Stores {
  readonly kind: StoreKind;
  readonly sync: SyncRepository;
  readonly dossiers: DossierRepository;
  readonly devices: DeviceRepository;
  readonly accounts: AccountRepository;
  readonly audit: AuditRepository;
  readonly office: OfficeRepository;
  readonly campaign: CampaignRepository;
  /** Closes the shared database; a second call does nothing. */
  close(): Promise<void>;
}

export type SqliteStoresOptions = SqliteOpenOptions & SyncRepositoryOptions;
export type PostgresStoresOptions = PostgresOpenOptions & SyncRepositoryOptions;

/** Opens (creating the file and its directory on first start) and migrates the SQLite database. */
export function openSqliteStores(path: string, options: SqliteStoresOptions = {}): Stores {
  const database = openSqliteDatabase(path, options);
  return {
    kind: database.kind,
    sync: sqliteSyncRepository(database, options),
    dossiers: sqliteDossierRepository(database),
    devices: sqliteDeviceRepository(database),
    accounts: sqliteAccountRepository(database),
    audit: sqliteAuditRepository(database),
    office: sqliteOfficeRepository(database),
    campaign: sqliteCampaignRepository(database),
    close: () => database.close(),
  };
}

/** Opens a pool, checks the database is reachable and migrates it; throws if either fails. */
export async function openPostgresStores(url: string, options: PostgresStoresOptions = {}): Promise<Stores> {
  const database = await openPostgresDatabase(url, options);
  return {
    kind: database.kind,
    sync: postgresSyncRepository(database, options),
    dossiers: postgresDossierRepository(database),
    devices: postgresDeviceRepository(database),
    accounts: postgresAccountRepository(database),
    audit: postgresAuditRepository(database),
    office: postgresOfficeRepository(database),
    campaign: postgresCampaignRepository(database),
    close: () => database.close(),
  };
}
