/**
 * The app's settings (language, device id, sync cursor), in idb-keyval only: the shell reads the
 * language before the first paint without loading Dexie.
 */
import { createSettings } from '../storage/settings';

export const settings = createSettings();
