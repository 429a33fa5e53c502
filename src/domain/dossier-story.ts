/**
 * A dossier's story as the resident reads it on the receipt screen: saved on the phone, sent to
 * the commune, then each status the one-stop shop reported, in plain words (the screen names each
 * step; this decides which steps there are and which one is now). A dossier still in the outbox
 * has only the first step (and "sending" while a send is under way); once the server answered,
 * the server's history follows. `submitted` reads "Đã nộp, chờ tiếp nhận": no officer has seen it
 * yet; `received` only when one did (an older server reports `received` at once; it is shown as
 * it says).
 */
import { DOSSIER_STATUSES, type DossierStatus } from './protocol';

/** Every kind of step, in lifecycle order (the screen has a phrase for each). */
export const STORY_STEP_KINDS = ['queued', 'sending', 'sent', ...DOSSIER_STATUSES] as const;
export type StoryStepKind = (typeof STORY_STEP_KINDS)[number];

export interface StoryStep {
  kind: StoryStepKind;
  /** When it happened (ms); absent for a step whose time is not known. */
  at?: number;
  /** The officer's reasons (supplement requested, refused). */
  note?: string;
}

export interface StoryEvent {
  status: DossierStatus;
  at: number;
  note?: string;
}

export interface StoryInput {
  /** When the resident pressed "Gửi" (the phone's clock). */
  queuedAt: number;
  /** Followed by code (another phone sent it): the story starts with what the server reported. */
  followed?: boolean;
  /** The outbox says a send is under way. */
  sending?: boolean;
  /** When the server stored it (server clock); absent while it is still on the phone. */
  sentAt?: number;
  /** The statuses the server reported, oldest first. */
  events?: readonly StoryEvent[];
  /** The latest status when no history was kept (rows written before it). */
  status?: DossierStatus;
  statusAt?: number;
}

/** The steps, oldest first; the last one is where the dossier is now. */
export function dossierStory(input: StoryInput): StoryStep[] {
  const steps: StoryStep[] = [{ kind: 'queued', at: input.queuedAt }];
  if (input.sentAt === undefined) {
    if (input.sending) steps.push({ kind: 'sending' });
    return steps;
  }
  if (input.followed) steps.length = 0;
  else steps.push({ kind: 'sent', at: input.sentAt });
  const events =
    input.events && input.events.length > 0
      ? input.events
      : input.status
        ? [{ status: input.status, at: input.statusAt ?? input.sentAt }]
        : [];
  for (const event of events) {
    const last = steps[steps.length - 1];
    // The same status twice in a row (an answer and its pulled change) is one step.
    if (last && last.kind === event.status && last.note === event.note) continue;
    steps.push(event.note !== undefined ? { kind: event.status, at: event.at, note: event.note } : { kind: event.status, at: event.at });
  }
  return steps;
}

/** The statuses after which nothing more will happen to the dossier. */
export function isFinalStatus(status: DossierStatus): boolean {
  return status === 'returned' || status === 'refused';
}
