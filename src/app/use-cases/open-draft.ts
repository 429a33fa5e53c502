/**
 * Opens a draft on the form version it should be filled on. A draft started on an older version
 * moves to the latest one when every answer carries over (stored at once, with a notice); when
 * something would be lost it stays on its own version, which the server still accepts, and the
 * notice names what would have been dropped. Nothing is dropped silently.
 */
import type { FormDefinition } from '../../domain/form-schema';
import { findForm, upgradeDraft } from '../../content/forms';
import type { DraftRow, Drafts } from '../../storage/drafts';

/** `retired` (paths in the form version `from`) is there only when the new version stopped asking something. */
export type VersionNotice =
  | { kind: 'upgraded'; version: number; retired?: { from: number; paths: string[] } }
  | { kind: 'kept'; version: number; latest: number; dropped: string[] };

export interface OpenedDraft {
  draft: DraftRow;
  form: FormDefinition;
  notice: VersionNotice | null;
}

export async function openDraft(drafts: Pick<Drafts, 'getDraft' | 'putDraft'>, draftId: string, now: number): Promise<OpenedDraft | null> {
  const draft = await drafts.getDraft(draftId);
  if (!draft) return null;
  const latest = findForm(draft.formId);
  if (latest && latest.version > draft.formVersion) {
    const upgrade = upgradeDraft(draft.formId, draft.formVersion, draft.answers);
    if (upgrade.status === 'migrated') {
      const row: DraftRow = {
        ...draft,
        formVersion: upgrade.form.version,
        answers: upgrade.answers,
        updatedAt: Math.max(now, draft.updatedAt),
      };
      try {
        await drafts.putDraft(row);
        const retired = upgrade.retired.length > 0 ? { retired: { from: draft.formVersion, paths: upgrade.retired } } : {};
        return { draft: row, form: upgrade.form, notice: { kind: 'upgraded', version: upgrade.form.version, ...retired } };
      } catch (error) {
        // A full phone cannot store the move: the draft is filled (and sent) on its own version, unchanged.
        console.error('draft not moved to the new form version', error);
      }
    }
    if (upgrade.status === 'kept') {
      return {
        draft,
        form: upgrade.form,
        notice: { kind: 'kept', version: draft.formVersion, latest: latest.version, dropped: upgrade.dropped },
      };
    }
  }
  const form = findForm(draft.formId, draft.formVersion);
  return form ? { draft, form, notice: null } : null;
}
