/** The commune's settings as stored, or the defaults before an admin saved any. */
import { DEFAULT_COMMUNE } from '../../content/commune';
import { defaultCommuneSettings, type CommuneSettings } from '../../domain/office';
import type { OfficeRepository } from './office-repository';

export async function communeSettings(office: OfficeRepository, communeCode: string): Promise<CommuneSettings> {
  return (await office.getSettings(communeCode)) ?? defaultCommuneSettings(DEFAULT_COMMUNE.name);
}
