/** "Điền tờ khai": starts a draft of the procedure's form on this phone and opens it. */
import { useState } from 'preact/hooks';
import type { FormDefinition } from '../../../domain/form-schema';
import { phone } from '../../phone';
import { startDraft } from '../../use-cases/start-draft';
import { useI18n } from '../../i18n-context';

export function FillFormButton({ form }: { form: FormDefinition }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);

  async function start() {
    setBusy(true);
    try {
      await startDraft(phone().drafts, form, Date.now());
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
