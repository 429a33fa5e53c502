/** Every form the app can fill, by id; the server validates submissions against the same list. */
import type { FormDefinition } from '../../domain/form-schema';
import { TAM_TRU_CT01 } from './tam-tru-ct01';

export const FORMS: readonly FormDefinition[] = [TAM_TRU_CT01];

export function findForm(id: string, version?: number): FormDefinition | undefined {
  return FORMS.find((f) => f.id === id && (version === undefined || f.version === version));
}
