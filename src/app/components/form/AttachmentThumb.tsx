/** One attached file: a thumbnail read from the stored blob (or a PDF badge) and its remove button. */
import { useEffect, useState } from 'preact/hooks';
import type { AttachmentRef } from '../../../domain/form-schema';
import { phone } from '../../phone';
import { useI18n } from '../../i18n-context';

export function AttachmentThumb({ file, onRemove }: { file: AttachmentRef; onRemove: () => void }) {
  const { t } = useI18n();
  const [url, setUrl] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);

  useEffect(() => {
    if (file.type === 'application/pdf') return undefined;
    let objectUrl: string | null = null;
    let live = true;
    void phone()
      .blobs.getBlob(file.sha256)
      .then((stored) => {
        if (!live) return;
        if (!stored) return setMissing(true);
        objectUrl = URL.createObjectURL(stored.blob);
        setUrl(objectUrl);
      });
    return () => {
      live = false;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [file.sha256, file.type]);

  return (
    <li class="attachment__item" data-testid="attachment">
      {file.type === 'application/pdf' ? (
        <span class="attachment__pdf" aria-hidden="true">
          {t('photo.pdf')}
        </span>
      ) : url ? (
        <img class="attachment__thumb" src={url} alt={file.name} />
      ) : (
        <span class="attachment__thumb attachment__thumb--empty" aria-hidden="true" />
      )}
      <span class="attachment__name">{file.name}</span>
      {missing && <span class="error">{t('photo.missing')}</span>}
      <button type="button" class="btn btn--danger-outline" onClick={onRemove}>
        {t('photo.remove', { name: file.name })}
      </button>
    </li>
  );
}
