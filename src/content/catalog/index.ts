/**
 * The catalogue bundled with the app, so it works offline on first start; the server may send a
 * newer one (validated by validateCatalog). Forms: `formId` only where a form really exists in
 * src/content/forms today (procedureForm gives its latest version); `plannedFormId` names a form
 * still to write and is never offered.
 */
import type { Catalog, Procedure } from '../../domain/catalog';
import type { FormDefinition } from '../../domain/form-schema';
import { findForm } from '../forms';
import { HO_TICH } from './ho-tich';
import { CHUNG_THUC } from './chung-thuc';
import { CU_TRU } from './cu-tru';
import { TRO_GIUP_XA_HOI } from './tro-giup-xa-hoi';

export { SEARCH_SYNONYMS } from './synonyms';

/**
 * Version 2 (01/12/2026): the facts of the 2025–2026 reforms, fee periods and cases, the social
 * pension. Catalogues of version 1's shape (no periods, no cases) still pass validateCatalog.
 */
export const BUNDLED_CATALOG: Catalog = {
  version: 2,
  publishedOn: '2026-12-01',
  procedures: [...HO_TICH, ...CHUNG_THUC, ...CU_TRU, ...TRO_GIUP_XA_HOI],
};

/**
 * The form to fill for a procedure, if the app has it and it belongs to that procedure's code
 * (or, for a procedure whose national code is not confirmed yet, to its slug); the UI shows
 * "Điền tờ khai" only when this returns a form.
 */
export function procedureForm(procedure: Procedure): FormDefinition | undefined {
  if (!procedure.formId) return undefined;
  const form = findForm(procedure.formId);
  return form && form.procedureCode === (procedure.code ?? procedure.slug) ? form : undefined;
}
