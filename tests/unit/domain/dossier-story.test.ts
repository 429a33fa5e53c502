import { describe, expect, it } from 'vitest';
import { dossierStory } from '../../../src/domain/dossier-story';

describe("a dossier's story", () => {
  it('is one step while the dossier waits on the phone, two while it is being sent', () => {
    expect(dossierStory({ queuedAt: 1 })).toEqual([{ kind: 'queued', at: 1 }]);
    expect(dossierStory({ queuedAt: 1, sending: true })).toEqual([{ kind: 'queued', at: 1 }, { kind: 'sending' }]);
  });

  it('follows the server: waiting for reception, a supplement with its reasons, then back, received and returned', () => {
    const steps = dossierStory({
      queuedAt: 1,
      sentAt: 10,
      events: [
        { status: 'submitted', at: 10 },
        { status: 'submitted', at: 10 },
        { status: 'supplement-requested', at: 20, note: 'Thiếu ảnh CCCD' },
        { status: 'submitted', at: 30 },
        { status: 'received', at: 40 },
        { status: 'returned', at: 50 },
      ],
    });
    expect(steps.map((s) => s.kind)).toEqual(['queued', 'sent', 'submitted', 'supplement-requested', 'submitted', 'received', 'returned']);
    expect(steps[3]).toEqual({ kind: 'supplement-requested', at: 20, note: 'Thiếu ảnh CCCD' });
  });

  it('of a dossier followed by code starts with what the server reported', () => {
    const steps = dossierStory({ queuedAt: 5, sentAt: 5, followed: true, events: [{ status: 'received', at: 5 }] });
    expect(steps).toEqual([{ kind: 'received', at: 5 }]);
  });

  it('shows the latest status of a row kept before the story was', () => {
    expect(dossierStory({ queuedAt: 1, sentAt: 10, status: 'processing', statusAt: 15 }).map((s) => s.kind)).toEqual([
      'queued',
      'sent',
      'processing',
    ]);
  });
});
