/** Starting a form: a new draft row on this phone (its id is the dossier's idempotency key). */
import type { Drafts } from '../../storage/drafts';
import { formPath, navigate } from '../router';

/** Creates the draft at `now` and opens its first step. */
export async function startDraft(drafts: Pick<Drafts, 'createDraft'>, form: { id: string; version: number }, now: number): Promise<void> {
  const draft = await drafts.createDraft(form.id, form.version, now);
  navigate(formPath(draft.id));
}
