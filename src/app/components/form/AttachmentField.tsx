/**
 * Photos and scans of papers: "Chụp ảnh" opens the back camera, "Chọn tệp" the files. Each file is
 * shrunk off the main thread, stored as a blob keyed by its SHA-256, and the answer becomes the
 * list of refs { sha256, name, type, size }; the original file is never kept. Thumbnails come
 * from the stored blobs. Problems (too large, wrong type, unreadable) are said next to the field.
 */
import { useRef, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { ATTACHMENT_TYPES, type AttachmentField as AttachmentSchema, type AttachmentRef } from '../../../domain/form-schema';
import { pick } from '../../../domain/localized';
import { useI18n } from '../../i18n-context';
import { AttachError, attachFile } from '../../photo/attach-file';
import { AttachmentThumb } from './AttachmentThumb';
import { useFormContext } from './form-context';
import { describedBy, ErrorText, fieldIds, Hint, LabelText } from './field-parts';
import { getAt } from './paths';

function refsOf(value: unknown): AttachmentRef[] {
  return Array.isArray(value) ? (value.filter((v) => typeof v === 'object' && v !== null) as AttachmentRef[]) : [];
}

export function AttachmentField({ field, path }: { field: AttachmentSchema; path: string }) {
  const { t, lang } = useI18n();
  const { answers, errors, onChange, onFocus, onBlur } = useFormContext();
  const files = refsOf(getAt(answers, path));
  // The latest list, for files that finish processing after another change.
  const latest = useRef(files);
  latest.current = files;
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [problems, setProblems] = useState<string[]>([]);

  const accept = field.accept ?? ATTACHMENT_TYPES;
  const max = field.maxFiles ?? 1;
  const imagesAllowed = accept.includes('image/jpeg');
  const full = files.length >= max;
  const error = errors.get(path);
  const ids = fieldIds(path);
  const hint = field.hint ? pick(field.hint, lang) : undefined;
  const problemId = `${ids.control}-problem`;

  async function add(list: FileList | null): Promise<void> {
    const picked = list ? Array.from(list) : [];
    if (picked.length === 0) return;
    setBusy(true);
    setStatus(t('photo.processing'));
    const found: string[] = [];
    const added: string[] = [];
    for (const file of picked) {
      if (latest.current.length >= max) {
        found.push(t('photo.errors.too-many', { max, name: file.name }));
        continue;
      }
      try {
        const ref = await attachFile(file, accept);
        const current = latest.current;
        if (!current.some((f) => f.sha256 === ref.sha256)) {
          const next = [...current, ref];
          latest.current = next;
          onChange(path, next);
        }
        added.push(ref.name);
      } catch (caught) {
        const problem = caught instanceof AttachError ? caught.problem : 'decode-failed';
        found.push(t(`photo.errors.${problem}`, { name: file.name }));
      }
    }
    setProblems(found);
    setBusy(false);
    setStatus(added.map((name) => t('photo.added', { name })).join(' '));
    onBlur(path);
  }

  function remove(sha256: string): void {
    const gone = latest.current.find((f) => f.sha256 === sha256);
    const next = latest.current.filter((f) => f.sha256 !== sha256);
    latest.current = next;
    onChange(path, next.length > 0 ? next : undefined);
    setProblems([]);
    if (gone) setStatus(t('photo.removed', { name: gone.name }));
  }

  const onPicked = (e: JSX.TargetedEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    void add(input.files).finally(() => {
      // The same file may be picked again after it was removed.
      input.value = '';
    });
  };

  const described = [describedBy(ids, hint, error), problems.length > 0 ? problemId : ''].filter(Boolean).join(' ') || undefined;
  const inputProps = {
    type: 'file',
    class: 'visually-hidden',
    disabled: busy || full,
    'aria-describedby': described,
    onChange: onPicked,
    onFocus: () => onFocus(path),
  } as const;

  return (
    <fieldset id={ids.control} tabIndex={-1} class={`field attachment${error ? ' field--error' : ''}`} aria-describedby={described}>
      <legend>
        <span class="attachment__section">{t('formUi.attachment.section')}: </span>
        <LabelText field={field} />
      </legend>
      <Hint ids={ids} text={hint} />
      <div class="attachment__actions">
        {imagesAllowed && (
          <label class={`btn btn--primary attachment__button${busy || full ? ' attachment__button--off' : ''}`}>
            {t('photo.take')}
            <input {...inputProps} name={`${path}.camera`} accept="image/*" capture="environment" />
          </label>
        )}
        <label class={`btn attachment__button${busy || full ? ' attachment__button--off' : ''}`}>
          {t('photo.pick')}
          <input {...inputProps} name={`${path}.file`} accept={accept.join(',')} multiple={max - files.length > 1} />
        </label>
      </div>
      <p class="muted" role="status" aria-live="polite">
        {busy ? t('photo.processing') : status || (full ? t('photo.full', { max }) : t('formUi.attachment.count', { count: files.length }))}
      </p>
      {problems.length > 0 && (
        <div id={problemId} class="error" role="alert">
          {problems.map((p) => (
            <p key={p}>{p}</p>
          ))}
        </div>
      )}
      {files.length > 0 && (
        <ul class="attachment__list" aria-label={t('photo.listLabel')}>
          {files.map((file) => (
            <AttachmentThumb key={file.sha256} file={file} onRemove={() => remove(file.sha256)} />
          ))}
        </ul>
      )}
      <ErrorText ids={ids} text={error} />
    </fieldset>
  );
}
