/** "Điền tờ khai": starts a draft of the procedure's form on this phone and opens it. */
import { useState } from 'preact/hooks';
import type { FormDefinition } from '../../../domain/form-schema';
import { createDraft } from '../../../storage/drafts';
import { useI18n } from '../../i18n-context';
import { formPath, navigate } from '../../router';

export function FillFormButton({ form }: { form: FormDefinition }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);

  async function start() {
    setBusy(true);
    try {
      const draft = await createDraft(form.id, form.version);
      navigate(formPath(draft.id));
    } catch (error) {
      console.error('draft not created', error);
      setBusy(false);
    }
  }

  return (
    <div class="fill-form">
      <button type="button" class="btn btn--primary btn--block" disabled={busy} onClick={() => void start()}>
        {t('procedure.fillForm')}
      </button>
      <p class="hint">{t('procedure.fillFormHint')}</p>
    </div>
  );
}
