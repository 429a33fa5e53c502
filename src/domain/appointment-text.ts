/**
 * The legal time limit as the printed forms write it ("03 ngày làm việc"), and the procedure a
 * form belongs to. Printed forms are in Vietnamese whatever the console's language: they are
 * the office's legal papers.
 */
import type { Catalog, Procedure } from './catalog';
import type { LegalTimeLimit } from './working-days';

export function limitTextVi(limit: LegalTimeLimit): string {
  switch (limit.unit) {
    case 'same-day':
      return 'Trong ngày làm việc';
    case 'half-day':
      return 'Nửa ngày làm việc';
    case 'working-days':
      return `${String(limit.amount).padStart(2, '0')} ngày làm việc`;
  }
}

/** The catalogue's procedure for a dossier's form (forms keep their id across versions). */
export function procedureForForm(catalog: Catalog, formId: string): Procedure | undefined {
  return catalog.procedures.find((p) => p.formId === formId || p.plannedFormId === formId);
}
