/**
 * "Gửi": turns a finished draft into a queued dossier. The answers are checked with the same
 * validator the server runs (addresses against the units list, dates against today in Vietnam),
 * then the draft becomes an outbox row in one transaction. The clock and the commune are
 * arguments, so the use case is tested without a screen and without Date.now().
 */
import type { AdminUnits } from '../../domain/admin-units';
import { vietnamDateOf } from '../../domain/dates';
import type { Answers, FormDefinition } from '../../domain/form-schema';
import type { ConsentRecord } from '../../domain/protocol';
import { implausibleTimes } from '../../domain/submission-times';
import { cleanText } from '../../domain/text';
import { checkSubmission, type FieldError } from '../../domain/validate';
import type { Outbox } from '../../storage/outbox';
import { residentNameField } from '../components/form/draft-label';

export interface QueueDossierInput {
  draftId: string;
  form: FormDefinition;
  answers: Answers;
  /** The draft's label (a renamed draft keeps its name); the resident's name when empty. */
  label: string | undefined;
  consent: ConsentRecord;
  /** The units list, when the form has addresses (the server checks them against it too). */
  units: AdminUnits | undefined;
}

export interface QueueDossierDeps {
  outbox: Pick<Outbox, 'enqueueSubmission'>;
  /** The commune whose one-stop shop receives the dossier. */
  communeCode: string;
  now: number;
}

export type QueueDossierResult = { outcome: 'queued' } | { outcome: 'invalid'; errors: FieldError[] };

/** Queues the dossier, or says which answers the server would refuse; storage errors are thrown. */
export async function queueDossier(deps: QueueDossierDeps, input: QueueDossierInput): Promise<QueueDossierResult> {
  const { form } = input;
  const check = checkSubmission(form, input.answers, { today: vietnamDateOf(deps.now), units: input.units });
  if (!check.ok) return { outcome: 'invalid', errors: check.errors };
  // The server refuses the same; here only a consent stamped after now (a clock moved back) can fail.
  const times = implausibleTimes({ submittedAt: deps.now, agreedAt: input.consent?.agreedAt }, deps.now);
  if (times.length > 0) return { outcome: 'invalid', errors: times };
  const nameField = residentNameField(form);
  const name = nameField && typeof check.answers[nameField] === 'string' ? (check.answers[nameField] as string) : '';
  await deps.outbox.enqueueSubmission(
    {
      id: input.draftId,
      formId: form.id,
      formVersion: form.version,
      communeCode: deps.communeCode,
      answers: check.answers,
      submittedAt: deps.now,
      consent: input.consent,
    },
    cleanText(input.label ?? '') || name,
    deps.now,
  );
  return { outcome: 'queued' };
}
