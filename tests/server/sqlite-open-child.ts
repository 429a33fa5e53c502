/**
 * Child process for db/sqlite-database.test.ts: opens and closes the SQLite stores at each path
 * it is sent on stdin, answering "ok" or "fail <reason>", so several processes can open one new
 * file at the same moment, released together by the parent.
 */
import { createInterface } from 'node:readline';
import { openSqliteStores } from '../../src/server/stores';

const lines = createInterface({ input: process.stdin });
lines.on('line', (path) => {
  try {
    const store = openSqliteStores(path);
    void store.close().then(() => console.log('ok'));
  } catch (error) {
    console.log(`fail ${(error as Error).message}`);
  }
});
console.log('ready');
