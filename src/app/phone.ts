/**
 * The app's composition root for storage: the one PhoneStorage the field app opens, made on
 * first use. Screens and use cases take what they need from it; nothing below app/ holds a
 * storage singleton.
 * WARNING: this pulls Dexie in, so only lazy chunks may import it (the shell paints without it).
 */
import { createPhoneStorage, type PhoneStorage } from '../storage/phone-storage';
import { settings } from './settings';

let storage: PhoneStorage | null = null;

export function phone(): PhoneStorage {
  storage ??= createPhoneStorage({ settings });
  return storage;
}
