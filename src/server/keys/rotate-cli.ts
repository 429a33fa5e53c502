/**
 * `npm run rotate-seal-key`: makes a new sealing key current under DATA_DIR/keys. Older keys are
 * kept, so dossiers sealed to them still open; phones pick up the new key at their next contact.
 * Restart the server afterwards (it reads the keys at start).
 */
import { resolve } from 'node:path';
import { keysDir, rotateSealKey } from './seal-keys';

const dir = keysDir(resolve(process.env.DATA_DIR?.trim() || './data'));
const kid = await rotateSealKey(dir);
console.log(`New sealing key ${kid} is current in ${dir}; restart the server to publish it.`);
