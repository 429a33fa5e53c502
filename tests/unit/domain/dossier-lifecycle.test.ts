/**
 * The lifecycle table, checked against a table written out by hand: every (status, action, role)
 * answers exactly what the one-stop shop's rules say, nothing more.
 */
import { describe, expect, it } from 'vitest';
import { DOSSIER_ACTIONS, LIFECYCLE, decideTransition, possibleActions, type DossierAction } from '../../../src/domain/dossier-lifecycle';
import { DOSSIER_STATUSES, type DossierStatus } from '../../../src/domain/protocol';
import { ROLES } from '../../../src/domain/roles';

/** Written independently of LIFECYCLE: action → [from, to]. */
const BY_HAND: Record<DossierAction, [DossierStatus[], DossierStatus]> = {
  receive: [['submitted'], 'received'],
  'request-supplement': [['submitted', 'received'], 'supplement-requested'],
  refuse: [['submitted', 'received'], 'refused'],
  'start-processing': [['received'], 'processing'],
  'record-result': [['processing'], 'result-ready'],
  'return-result': [['result-ready'], 'returned'],
  'answer-supplement': [['supplement-requested'], 'submitted'],
};
const STAFF_ACTIONS = DOSSIER_ACTIONS.filter((a) => a !== 'answer-supplement');
const PROCESSING_ROLES = ['officer', 'admin'];

describe('the dossier lifecycle', () => {
  it('has one row per action, each action once', () => {
    expect(LIFECYCLE.map((t) => t.action).sort()).toEqual([...DOSSIER_ACTIONS].sort());
  });

  it('starts at submitted and never leaves refused or returned', () => {
    for (const end of ['refused', 'returned'] as const) expect(LIFECYCLE.some((t) => t.from.includes(end))).toBe(false);
    expect(LIFECYCLE.find((t) => t.action === 'receive')?.from).toEqual(['submitted']);
  });

  for (const role of ROLES) {
    for (const status of DOSSIER_STATUSES) {
      for (const action of STAFF_ACTIONS) {
        const [from, to] = BY_HAND[action];
        const expected = !PROCESSING_ROLES.includes(role)
          ? { ok: false, reason: 'forbidden' }
          : from.includes(status)
            ? { ok: true, to }
            : { ok: false, reason: 'invalid-transition' };
        it(`${role}: ${action} from ${status} → ${expected.ok ? to : expected.reason}`, () => {
          expect(decideTransition(status, action, { kind: 'staff', role })).toMatchObject(expected);
        });
      }
    }
  }

  it('lets only the phone answer a supplement request, and only from supplement-requested', () => {
    for (const role of ROLES) {
      expect(decideTransition('supplement-requested', 'answer-supplement', { kind: 'staff', role })).toEqual({
        ok: false,
        reason: 'forbidden',
      });
    }
    expect(decideTransition('supplement-requested', 'answer-supplement', { kind: 'device' })).toMatchObject({ ok: true, to: 'submitted' });
    for (const status of DOSSIER_STATUSES.filter((s) => s !== 'supplement-requested')) {
      expect(decideTransition(status, 'answer-supplement', { kind: 'device' })).toEqual({ ok: false, reason: 'invalid-transition' });
    }
    for (const action of STAFF_ACTIONS) {
      expect(decideTransition('received', action, { kind: 'device' })).toEqual({ ok: false, reason: 'forbidden' });
    }
  });

  it('asks for a note when the resident must be told why', () => {
    expect(LIFECYCLE.filter((t) => t.noteRequired).map((t) => t.action)).toEqual(['request-supplement', 'refuse']);
  });

  it('lists the actions possible now, for the console', () => {
    expect(possibleActions('received', { kind: 'staff', role: 'officer' })).toEqual(['request-supplement', 'refuse', 'start-processing']);
    expect(possibleActions('received', { kind: 'staff', role: 'leader' })).toEqual([]);
    expect(possibleActions('returned', { kind: 'staff', role: 'admin' })).toEqual([]);
  });
});
