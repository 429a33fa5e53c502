/** Which procedure to show as the worked "trips" example: one with a form, saving the most trips. */
import type { Procedure } from '../../../domain/catalog';
import { procedureForm } from '../../../content/catalog';

export function pickExampleProcedure(procedures: readonly Procedure[]): Procedure | undefined {
  const saved = (p: Procedure) => (p.onlineCategory === 'none' ? -1 : p.visitsAtCounter - p.visitsOnline);
  const score = (p: Procedure) => saved(p) * 2 + (procedureForm(p) ? 1 : 0);
  let best: Procedure | undefined;
  for (const p of procedures) if (!best || score(p) > score(best)) best = p;
  return best;
}
