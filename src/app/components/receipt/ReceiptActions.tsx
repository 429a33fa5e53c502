/**
 * Share (Web Share API where the phone has it, otherwise copy the code) and print the receipt.
 * What is shared is the procedure, the code and where to follow it: never the applicant's name.
 */
import { useState } from 'preact/hooks';
import { useI18n } from '../../i18n-context';
import { FOLLOW_PATH } from '../../router';

type Copy = 'idle' | 'copied' | 'failed';

export function ReceiptActions({ code, procedure }: { code: string; procedure: string }) {
  const { t } = useI18n();
  const [copy, setCopy] = useState<Copy>('idle');
  const text = t('receipt.shareText', { procedure, code, url: `${location.origin}${FOLLOW_PATH}` });
  const canShare = typeof navigator.share === 'function';

  async function copyCode() {
    try {
      await navigator.clipboard.writeText(code);
      setCopy('copied');
    } catch {
      setCopy('failed');
    }
  }

  async function share() {
    try {
      await navigator.share({ title: t('receipt.title'), text });
    } catch (error) {
      // The resident closed the share sheet: nothing to say. Anything else: fall back to copying.
      if ((error as DOMException | undefined)?.name !== 'AbortError') await copyCode();
    }
  }

  return (
    <div class="receipt__actions no-print">
      {canShare && (
        <button type="button" class="btn btn--primary" onClick={() => void share()}>
          {t('receipt.share')}
        </button>
      )}
      <button type="button" class={canShare ? 'btn' : 'btn btn--primary'} onClick={() => void copyCode()} data-testid="copy-code">
        {t('receipt.copy')}
      </button>
      <button type="button" class="btn" onClick={() => print()}>
        {t('receipt.print')}
      </button>
      <p role="status" class="notice" data-testid="copy-status">
        {copy === 'copied' ? t('receipt.copied') : copy === 'failed' ? t('receipt.copyFailed') : ''}
      </p>
    </div>
  );
}
