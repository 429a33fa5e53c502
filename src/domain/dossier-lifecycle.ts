/**
 * The dossier lifecycle as ONE table: which action moves a dossier from which status to which,
 * and who may take it. The server asks `decideTransition` before every status change and applies
 * the answer in the same transaction that re-reads the status; the console (coming) reads the
 * same table to offer only the actions that are possible.
 *
 * ```
 * submitted --receive--> received --start-processing--> processing --record-result--> result-ready --return-result--> returned
 * submitted|received --request-supplement--> supplement-requested --answer-supplement (the phone)--> submitted
 * submitted|received --refuse--> refused
 * ```
 *
 * The server stores a pushed dossier as `submitted` (STATUS_ON_PUSH): it waits in the one-stop
 * shop's inbox until an officer receives it and the receipt gives its appointment date. Phones
 * read `submitted` and `received` alike (servers before the console stored `received`).
 */
import type { DossierStatus } from './protocol';
import { hasPermission, type Permission, type Role } from './roles';

/** The status a dossier has when a push stores it. */
export const STATUS_ON_PUSH: DossierStatus = 'submitted';

export const DOSSIER_ACTIONS = [
  'receive',
  'request-supplement',
  'refuse',
  'start-processing',
  'record-result',
  'return-result',
  'answer-supplement',
] as const;
export type DossierAction = (typeof DOSSIER_ACTIONS)[number];

/** Who acts: a signed-in staff member with a role, or the phone that sent the dossier. */
export type LifecycleActor = { kind: 'staff'; role: Role } | { kind: 'device' };

export interface Transition {
  action: DossierAction;
  from: readonly DossierStatus[];
  to: DossierStatus;
  /** Staff actions: the permission the role needs. Device actions have none (the device must follow the dossier). */
  by: { kind: 'staff'; permission: Permission } | { kind: 'device' };
  /** The resident must be told why: a note is required. */
  noteRequired: boolean;
}

const STAFF = { kind: 'staff', permission: 'dossier.process' } as const;

export const LIFECYCLE: readonly Transition[] = [
  { action: 'receive', from: ['submitted'], to: 'received', by: STAFF, noteRequired: false },
  { action: 'request-supplement', from: ['submitted', 'received'], to: 'supplement-requested', by: STAFF, noteRequired: true },
  { action: 'refuse', from: ['submitted', 'received'], to: 'refused', by: STAFF, noteRequired: true },
  { action: 'start-processing', from: ['received'], to: 'processing', by: STAFF, noteRequired: false },
  { action: 'record-result', from: ['processing'], to: 'result-ready', by: STAFF, noteRequired: false },
  { action: 'return-result', from: ['result-ready'], to: 'returned', by: STAFF, noteRequired: false },
  // The phone answers a supplement request (no route yet: the hook for the phone's next protocol).
  { action: 'answer-supplement', from: ['supplement-requested'], to: 'submitted', by: { kind: 'device' }, noteRequired: false },
];

export type TransitionDecision =
  | { ok: true; to: DossierStatus; transition: Transition }
  /** forbidden: this actor may never take the action; invalid-transition: not from this status. */
  | { ok: false; reason: 'forbidden' | 'invalid-transition' };

export function isDossierAction(value: unknown): value is DossierAction {
  return typeof value === 'string' && (DOSSIER_ACTIONS as readonly string[]).includes(value);
}

export function transitionOf(action: DossierAction): Transition {
  return LIFECYCLE.find((t) => t.action === action)!;
}

function mayTake(actor: LifecycleActor, transition: Transition): boolean {
  if (transition.by.kind === 'device') return actor.kind === 'device';
  return actor.kind === 'staff' && hasPermission(actor.role, transition.by.permission);
}

/**
 * The status `action` moves a dossier in `status` to, for this actor. Who may act is decided
 * first: a role without the permission is `forbidden` whatever the status.
 */
export function decideTransition(status: DossierStatus, action: DossierAction, actor: LifecycleActor): TransitionDecision {
  const transition = transitionOf(action);
  if (!mayTake(actor, transition)) return { ok: false, reason: 'forbidden' };
  if (!transition.from.includes(status)) return { ok: false, reason: 'invalid-transition' };
  return { ok: true, to: transition.to, transition };
}

/** The actions this actor may take on a dossier in `status` (for the console's buttons). */
export function possibleActions(status: DossierStatus, actor: LifecycleActor): DossierAction[] {
  return LIFECYCLE.filter((t) => mayTake(actor, t) && t.from.includes(status)).map((t) => t.action);
}
