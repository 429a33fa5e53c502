import { describe, expect, it, vi } from 'vitest';
import { openDraft } from '../../../src/app/use-cases/open-draft';
import { useFreshStorage } from '../storage/fresh-storage';

const storage = useFreshStorage();

describe('opening a draft started on an older form version', () => {
  it('moves it to the latest version when every answer carries, and stores that', async () => {
    const draft = await storage().drafts.createDraft('tam-tru-ct01', 1, 1000);
    await storage().drafts.saveDraft(
      draft.id,
      { answers: { fullName: 'Nguyễn Thị Hoa', currentAddress: 'Thôn 3, Xã Hoằng Hóa, Tỉnh Thanh Hóa' } },
      2000,
    );
    const opened = await openDraft(storage().drafts, draft.id, 3000);
    // Version 3 (Thông tư 53/2025/TT-BCA) no longer asks "Nơi ở hiện tại": the notice names it.
    expect(opened?.notice).toEqual({ kind: 'upgraded', version: 3, retired: { from: 1, paths: ['currentAddress'] } });
    expect(opened?.form.version).toBe(3);
    const stored = await storage().drafts.getDraft(draft.id);
    expect(stored?.formVersion).toBe(3);
    expect(stored?.answers).toEqual({ fullName: 'Nguyễn Thị Hoa' });
  });

  it('moves a draft by id alone, with the plain notice, when nothing was retired', async () => {
    const draft = await storage().drafts.createDraft('tam-tru-ct01', 2, 1000);
    await storage().drafts.saveDraft(draft.id, { answers: { fullName: 'Nguyễn Thị Hoa', reason: 'Đi làm' } }, 2000);
    const opened = await openDraft(storage().drafts, draft.id, 3000);
    expect(opened?.notice).toEqual({ kind: 'upgraded', version: 3 });
    expect((await storage().drafts.getDraft(draft.id))?.answers).toEqual({ fullName: 'Nguyễn Thị Hoa', reason: 'Đi làm' });
  });

  it('keeps it on its version, naming what would be lost, and changes nothing stored', async () => {
    const draft = await storage().drafts.createDraft('tam-tru-ct01', 1, 1000);
    await storage().drafts.saveDraft(draft.id, { answers: { fullName: 'An', salary: '5 triệu' } }, 2000);
    const opened = await openDraft(storage().drafts, draft.id, 3000);
    expect(opened?.notice).toEqual({ kind: 'kept', version: 1, latest: 3, dropped: ['salary'] });
    expect(opened?.form.version).toBe(1);
    const stored = await storage().drafts.getDraft(draft.id);
    expect(stored?.formVersion).toBe(1);
    expect(stored?.answers).toEqual({ fullName: 'An', salary: '5 triệu' });
  });

  it('stays on its own version, unchanged, when the phone cannot store the move', async () => {
    const draft = await storage().drafts.createDraft('tam-tru-ct01', 1, 1000);
    await storage().drafts.saveDraft(draft.id, { answers: { fullName: 'An', currentAddress: 'Thôn 1' } }, 2000);
    const table = storage().db.drafts;
    const put = vi.spyOn(table, 'put').mockRejectedValueOnce(new DOMException('full', 'QuotaExceededError'));
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const opened = await openDraft(storage().drafts, draft.id, 3000);
      expect(put).toHaveBeenCalledOnce();
      expect(opened?.form.version).toBe(1);
      expect(opened?.notice).toBeNull();
      expect(opened?.draft.answers).toEqual({ fullName: 'An', currentAddress: 'Thôn 1' });
      expect((await storage().drafts.getDraft(draft.id))?.formVersion).toBe(1);
    } finally {
      put.mockRestore();
      quiet.mockRestore();
    }
  });

  it('opens a current draft as it is, and nothing for an unknown id or form', async () => {
    const draft = await storage().drafts.createDraft('tam-tru-ct01', 3, 1000);
    expect((await openDraft(storage().drafts, draft.id, Date.now()))?.notice).toBeNull();
    expect(await openDraft(storage().drafts, '00000000-0000-4000-8000-000000000000', Date.now())).toBeNull();
    const odd = await storage().drafts.createDraft('no-such-form', 1, 1000);
    expect(await openDraft(storage().drafts, odd.id, Date.now())).toBeNull();
  });
});
