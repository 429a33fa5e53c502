/** The sync repository on the shared PostgreSQL pool (db/postgres): the batch push, the pull and the blobs. */
import type { PostgresDatabase } from '../db/postgres/postgres-database';
import { numbered } from '../db/postgres/placeholders';
import { postgresBlobMethods } from './postgres-blobs';
import { postgresPush } from './postgres-push';
import { PULL_CHANGES_SQL, toPullPage, type ChangeRow } from './pull-queries';
import type { SyncRepository, SyncRepositoryOptions } from './sync-repository';

const PULL_CHANGES = numbered(PULL_CHANGES_SQL);

export function postgresSyncRepository(database: PostgresDatabase, options: SyncRepositoryOptions = {}): SyncRepository {
  return {
    pushBatch: postgresPush(database, options),
    pullChanges: async (deviceId, since, limit) =>
      toPullPage((await database.pool.query<ChangeRow>(PULL_CHANGES, [deviceId, since, limit])).rows, since),
    ...postgresBlobMethods(database.pool),
  };
}
