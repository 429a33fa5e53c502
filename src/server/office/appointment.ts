/**
 * The server's side of Tiếp nhận: the appointment computed from the server's reception time
 * (never the console's clock), the procedure's legal time limit from the catalogue, the holiday
 * calendars and the commune's Saturday-morning setting. A procedure whose limit is counted in
 * hours, or a form the catalogue does not know, is given one working day: the officer can see
 * it on the receipt before printing.
 */
import { limitTextVi, procedureForForm } from '../../domain/appointment-text';
import { legalTimeLimit, type Catalog } from '../../domain/catalog';
import type { CommuneSettings, ReceiveDetails, ReceiveInput } from '../../domain/office';
import { appointmentFor, type HolidayCalendar, type LegalTimeLimit } from '../../domain/working-days';

const FALLBACK_LIMIT: LegalTimeLimit = { unit: 'working-days', amount: 1 };

export function limitOf(catalog: Catalog, formId: string): LegalTimeLimit {
  const procedure = procedureForForm(catalog, formId);
  return (procedure && legalTimeLimit(procedure.timeLimit)) ?? FALLBACK_LIMIT;
}

export function receiveDetails(
  input: ReceiveInput,
  formId: string,
  receivedAt: number,
  context: { catalog: Catalog; calendars: readonly HolidayCalendar[]; settings: CommuneSettings },
): ReceiveDetails {
  const limit = limitOf(context.catalog, formId);
  const appointment = appointmentFor(receivedAt, limit, context.calendars, {
    saturdayMorningReception: context.settings.saturdayMorningReception,
  });
  return { ...input, dueAt: appointment.dueAt, estimated: appointment.estimated, limitText: limitTextVi(limit) };
}

/** "Due within one working day": the end of the next working day after now. */
export function soonUntil(now: number, calendars: readonly HolidayCalendar[], settings: CommuneSettings): number {
  return appointmentFor(now, { unit: 'working-days', amount: 1 }, calendars, {
    saturdayMorningReception: settings.saturdayMorningReception,
  }).dueAt;
}
