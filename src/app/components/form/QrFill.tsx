/**
 * "Quét mã QR trên CCCD": reads the chip ID card's QR code with the camera where the browser can
 * (BarcodeDetector, feature-detected: Chromium on Android) or from pasted text (always), checks it
 * with parseCccdQr, and hands the answers it fills to the form. The camera stops when the panel
 * closes, when a code is read, and when the screen goes away.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Answers, FormDefinition } from '../../../domain/form-schema';
import type { AdminUnits } from '../../../domain/admin-units';
import { parseCccdQr, qrToAnswers, type CccdQrError } from '../../../domain/cccd-qr';
import { pick } from '../../../domain/localized';
import { useI18n } from '../../i18n-context';

interface Detector {
  detect(source: HTMLVideoElement): Promise<Array<{ rawValue: string }>>;
}
interface DetectorClass {
  new (options: { formats: string[] }): Detector;
  getSupportedFormats?: () => Promise<string[]>;
}

function detectorClass(): DetectorClass | undefined {
  return (globalThis as { BarcodeDetector?: DetectorClass }).BarcodeDetector;
}

const SCAN_EVERY_MS = 250;

interface Props {
  form: FormDefinition;
  units?: AdminUnits | undefined;
  /** Applies the answers read from the code (the screen saves them like any change). */
  onFill: (answers: Answers) => void;
}

export function QrFill({ form, units, onFill }: Props) {
  const { t, lang } = useI18n();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [error, setError] = useState<CccdQrError | null>(null);
  const [done, setDone] = useState('');
  const [camera, setCamera] = useState<'off' | 'on' | 'failed'>('off');
  const video = useRef<HTMLVideoElement>(null);
  const stream = useRef<MediaStream | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const canScan = typeof navigator !== 'undefined' && Boolean(navigator.mediaDevices?.getUserMedia) && detectorClass() !== undefined;

  function stopCamera() {
    clearTimeout(timer.current);
    timer.current = undefined;
    stream.current?.getTracks().forEach((track) => track.stop());
    stream.current = null;
    if (video.current) video.current.srcObject = null;
    setCamera((c) => (c === 'on' ? 'off' : c));
  }

  useEffect(() => stopCamera, []);

  function apply(raw: string): boolean {
    const result = parseCccdQr(raw);
    if (!result.ok) {
      setError(result.error);
      setDone('');
      return false;
    }
    const answers = qrToAnswers(form, result.data, units);
    const ids = Object.keys(answers);
    const labels = form.fields.filter((f) => ids.includes(f.id)).map((f) => pick(f.label, lang));
    setError(null);
    setText('');
    stopCamera();
    setOpen(false);
    onFill(answers);
    setDone(labels.length > 0 ? t('qr.filled', { fields: labels.join(', ') }) : t('qr.nothing'));
    return true;
  }

  async function startCamera() {
    const Barcode = detectorClass();
    if (!Barcode) return;
    try {
      const media = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
      stream.current = media;
      const el = video.current;
      if (!el) return stopCamera();
      el.srcObject = media;
      await el.play();
      setCamera('on');
      const detector = new Barcode({ formats: ['qr_code'] });
      const scan = async () => {
        if (!stream.current) return;
        try {
          const codes = await detector.detect(el);
          const found = codes.find((c) => parseCccdQr(c.rawValue).ok) ?? codes[0];
          if (found && apply(found.rawValue)) return;
        } catch {
          // A frame that could not be read: try the next one.
        }
        if (stream.current) timer.current = window.setTimeout(() => void scan(), SCAN_EVERY_MS);
      };
      void scan();
    } catch (failure) {
      console.error('camera not available', failure);
      stopCamera();
      setCamera('failed');
    }
  }

  function close() {
    stopCamera();
    setOpen(false);
    setError(null);
  }

  if (!form.qrMap) return null;
  return (
    <section class="qr" aria-labelledby="qr-title">
      <h2 id="qr-title" class="visually-hidden">
        {t('qr.title')}
      </h2>
      {!open && (
        <button type="button" class="btn btn--block" onClick={() => setOpen(true)}>
          {t('qr.open')}
        </button>
      )}
      {open && (
        <div id="qr-panel" class="qr__panel">
          <p>{t('qr.intro')}</p>
          {canScan && (
            <>
              <video
                ref={video}
                class={camera === 'on' ? 'qr__video' : 'qr__video qr__video--off'}
                muted
                playsInline
                aria-label={t('qr.cameraLabel')}
              />
              {camera === 'on' ? (
                <>
                  <p role="status">{t('qr.scanning')}</p>
                  <button type="button" class="btn btn--block" onClick={stopCamera}>
                    {t('qr.stopCamera')}
                  </button>
                </>
              ) : (
                <button type="button" class="btn btn--block" onClick={() => void startCamera()}>
                  {t('qr.startCamera')}
                </button>
              )}
              {camera === 'failed' && <p class="error">{t('qr.cameraFailed')}</p>}
            </>
          )}
          <div class={`field${error ? ' field--error' : ''}`}>
            <label for="qr-text">{t('qr.paste')}</label>
            <p id="qr-text-hint" class="hint">
              {t('qr.pasteHint')}
            </p>
            <textarea
              id="qr-text"
              rows={3}
              value={text}
              aria-describedby={error ? 'qr-text-hint qr-text-error' : 'qr-text-hint'}
              aria-invalid={error ? true : undefined}
              onInput={(e) => {
                setText(e.currentTarget.value);
                setError(null);
              }}
            />
            {error && (
              <p id="qr-text-error" class="error" role="alert">
                {t(`errors.${error}`)}
              </p>
            )}
          </div>
          <button
            type="button"
            class="btn btn--primary btn--block"
            onClick={() => {
              if (!apply(text)) requestAnimationFrame(() => document.getElementById('qr-text')?.focus());
            }}
          >
            {t('qr.apply')}
          </button>
          <button type="button" class="btn btn--block" onClick={close}>
            {t('qr.close')}
          </button>
        </div>
      )}
      <p class="qr__done" role="status">
        {done}
      </p>
    </section>
  );
}
