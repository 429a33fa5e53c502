/**
 * The printed forms of Thông tư 03/2025/TT-VPCP, Annex I, on A4, always in Vietnamese (they are
 * the office's legal papers): 01 Giấy tiếp nhận hồ sơ và hẹn trả kết quả, 02 Phiếu yêu cầu bổ
 * sung, hoàn thiện hồ sơ, 03 Phiếu từ chối tiếp nhận giải quyết hồ sơ. Each carries the commune
 * header, the dossier code also as a QR code, and the officer's name; form 01 adds a VietQR code
 * for the commune's collection account when a fee is due, with the dossier code as the purpose.
 */
import { useEffect, useState } from 'preact/hooks';
import { BUNDLED_CATALOG } from '../../content/catalog';
import { findForm } from '../../content/forms';
import { applicantOf } from '../../domain/applicant';
import { procedureForForm } from '../../domain/appointment-text';
import { vietnamDateOf } from '../../domain/dates';
import { feeFor } from '../../domain/fees';
import { feeAmountVnd, formatVnd } from '../../domain/money';
import type { CommuneSettings, ReasonsInput, ReceiveDetails, ReturnMethod } from '../../domain/office';
import { buildVietQr } from '../../domain/vietqr';
import { QrCode } from '../../ui/QrCode';
import { useConsole } from '../context';
import { vnDate, vnDateTime } from '../format';
import { Notice, refusalText } from '../Notice';
import type { PrintForm } from '../routes';
import type { DossierDetail, HistoryEntry } from '../types';

const ACTION_OF: Record<PrintForm, 'receive' | 'request-supplement' | 'refuse'> = {
  '01': 'receive',
  '02': 'request-supplement',
  '03': 'refuse',
};
const RETURN_VI: Record<ReturnMethod, string> = {
  counter: 'Tại Bộ phận Một cửa',
  post: 'Qua dịch vụ bưu chính công ích',
  online: 'Trực tuyến (qua tài khoản dịch vụ công)',
};
const FORM_VI: Record<string, string> = { original: 'Bản chính', copy: 'Bản sao', 'certified-copy': 'Bản sao chứng thực' };

/** A VietQR payload for the fee, or null when no fee is due or no collection account is set. */
function feeQr(settings: CommuneSettings, amount: number | null, code: string): string | null {
  if (!settings.collection || !amount || amount <= 0) return null;
  try {
    return buildVietQr({ bin: settings.collection.bin, account: settings.collection.account, amountVnd: amount, purpose: code });
  } catch {
    return null;
  }
}

export function PrintScreen({ ref_, form }: { ref_: string; form: PrintForm }) {
  const { api, t, navigate } = useConsole();
  const [detail, setDetail] = useState<DossierDetail | null>(null);
  const [settings, setSettings] = useState<CommuneSettings | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void (async () => {
      const [d, s] = await Promise.all([
        api.get<DossierDetail>(`/api/v1/dossiers/${encodeURIComponent(ref_)}`),
        api.get<CommuneSettings>('/api/v1/settings'),
      ]);
      if (d.ok) setDetail(d.value);
      else setError(refusalText(t, d));
      if (s.ok) setSettings(s.value);
      else setError(refusalText(t, s));
    })();
  }, [api, ref_, t]);

  if (!detail || !settings) return error ? <Notice kind="error" text={error} /> : <p class="muted">{t('app.loading')}</p>;
  const entry: HistoryEntry | undefined = [...detail.history].reverse().find((h) => h.action === ACTION_OF[form]);
  const d = detail.dossier;
  const applicant = applicantOf(d.answers);
  const procedure = procedureForForm(BUNDLED_CATALOG, d.formId);
  const request = procedure?.name.vi ?? findForm(d.formId, d.formVersion)?.title.vi ?? d.formId;

  const toolbar = (
    <div class="toolbar no-print">
      <a
        href={`/can-bo/ho-so/${d.dossierCode}`}
        onClick={(e) => {
          e.preventDefault();
          navigate({ page: 'dossier', ref: d.dossierCode });
        }}
      >
        ← {t('print.back')}
      </a>
      <button type="button" onClick={() => print()}>
        🖨 {t('print.button')}
      </button>
      <span class="muted">{t(`print.form${form}`)}</span>
    </div>
  );
  if (!entry)
    return (
      <>
        {toolbar}
        <p>{t('print.unavailable')}</p>
      </>
    );
  const officer = entry.by?.displayName ?? '';
  const header = (
    <header class="paper-head">
      <div>
        <p class="upper">{settings.officeName}</p>
        {settings.address && <p class="small">{settings.address}</p>}
        <p>
          Số hồ sơ: <strong>{d.dossierCode}</strong>
        </p>
      </div>
      <div class="center">
        <p class="upper bold">Cộng hòa xã hội chủ nghĩa Việt Nam</p>
        <p class="bold underline">Độc lập - Tự do - Hạnh phúc</p>
        <p class="italic">Ngày {vnDate(entry.changedAt)}</p>
      </div>
      <QrCode text={d.dossierCode} label={`QR: ${d.dossierCode}`} size={96} />
    </header>
  );
  const signatures = (
    <div class="signatures">
      <div>
        <p class="bold">Người nộp hồ sơ</p>
        <p class="italic small">(Ký và ghi rõ họ tên)</p>
        <p class="sign-space">{applicant.name}</p>
      </div>
      <div>
        <p class="bold">Người tiếp nhận hồ sơ</p>
        <p class="italic small">(Ký và ghi rõ họ tên)</p>
        <p class="sign-space">{officer}</p>
      </div>
    </div>
  );
  const person = (
    <>
      <p>
        Ông/bà: <strong>{applicant.name}</strong>
      </p>
      <p>Địa chỉ: {applicant.address || '…'}</p>
      <p>Số điện thoại: {applicant.phone || '…'}</p>
      <p>Nội dung yêu cầu giải quyết: {request}</p>
    </>
  );

  if (form === '01') {
    const receive = entry.details?.kind === 'receive' ? (entry.details as ReceiveDetails & { kind: 'receive' }) : undefined;
    const amount = procedure ? feeAmountVnd(feeFor(procedure.fee, 'online', vietnamDateOf(entry.changedAt)).rule) : null;
    const payload = feeQr(settings, amount, d.dossierCode.replace(/[^0-9A-Za-z -]/g, '').slice(0, 25));
    return (
      <>
        {toolbar}
        <article class="paper" aria-label={t('print.form01')}>
          <p class="form-no">Mẫu số 01</p>
          {header}
          <h1 class="paper-title">Giấy tiếp nhận hồ sơ và hẹn trả kết quả</h1>
          <p>{settings.officeName} tiếp nhận hồ sơ của:</p>
          {person}
          <p>1. Thành phần hồ sơ nộp gồm:</p>
          <table class="paper-table">
            <thead>
              <tr>
                <th>TT</th>
                <th>Tên giấy tờ</th>
                <th>Hình thức (bản chính, bản sao)</th>
                <th>Số lượng</th>
              </tr>
            </thead>
            <tbody>
              {(receive?.documents ?? []).map((doc, i) => (
                <tr key={doc.id + i}>
                  <td>{i + 1}</td>
                  <td>{doc.name}</td>
                  <td>{FORM_VI[doc.form]}</td>
                  <td>{String(doc.count).padStart(2, '0')}</td>
                </tr>
              ))}
              <tr>
                <td />
                <td>Hồ sơ điện tử gửi qua ứng dụng (mã {d.dossierCode})</td>
                <td>Bản điện tử</td>
                <td>01</td>
              </tr>
            </tbody>
          </table>
          <p>2. Số lượng hồ sơ: {String(receive?.sets ?? 1).padStart(2, '0')} (bộ)</p>
          <p>3. Thời gian giải quyết hồ sơ theo quy định là: {receive?.limitText ?? '…'}</p>
          <p>4. Thời gian nhận hồ sơ: {vnDateTime(entry.changedAt)}</p>
          <p>
            5. Thời gian trả kết quả giải quyết hồ sơ: <strong>{receive ? vnDateTime(receive.dueAt) : '…'}</strong>
            {receive?.estimated && <strong> (ngày hẹn dự kiến: lịch nghỉ lễ năm này chưa được công bố chính thức)</strong>}
          </p>
          <p>6. Nơi nhận kết quả: {RETURN_VI[receive?.returnMethod ?? 'counter']}</p>
          {amount !== null && amount > 0 && (
            <div class="fee">
              <p>
                7. Phí, lệ phí: <strong>{formatVnd(amount)}</strong>
                {payload ? ' — chuyển khoản vào tài khoản thu của xã bằng mã VietQR, nội dung: ' + d.dossierCode : ''}
              </p>
              {payload && settings.collection && (
                <div class="vietqr">
                  <QrCode text={payload} label={`VietQR ${formatVnd(amount)}`} size={120} />
                  <p class="small">
                    {settings.collection.accountName} · {settings.collection.account}
                  </p>
                </div>
              )}
            </div>
          )}
          <p class="small italic">Vào Sổ theo dõi hồ sơ, mã {d.dossierCode}.</p>
          {signatures}
        </article>
      </>
    );
  }

  const reasons = entry.details?.kind === 'reasons' ? (entry.details as ReasonsInput).reasons : [];
  const noteLines = (entry.note ?? '').split('\n').filter((l) => !reasons.some((r) => l === `- ${r}`));
  return (
    <>
      {toolbar}
      <article class="paper" aria-label={t(`print.form${form}`)}>
        <p class="form-no">Mẫu số {form}</p>
        {header}
        <h1 class="paper-title">
          {form === '02' ? 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ' : 'Phiếu từ chối tiếp nhận giải quyết hồ sơ'}
        </h1>
        <p>
          {settings.officeName} tiếp nhận hồ sơ số <strong>{d.dossierCode}</strong> của:
        </p>
        {person}
        {form === '02' ? (
          <p>Yêu cầu hoàn thiện hồ sơ gồm những nội dung sau:</p>
        ) : (
          <p>Qua xem xét, cơ quan, đơn vị từ chối tiếp nhận, giải quyết hồ sơ này với lý do sau:</p>
        )}
        <ol class="reasons">
          {reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
          {noteLines.filter(Boolean).map((l) => (
            <li key={l}>{l}</li>
          ))}
        </ol>
        {form === '02' && <p>Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, ông/bà liên hệ cán bộ tiếp nhận để được hướng dẫn.</p>}
        {form === '03' && <p>Xin thông báo để ông/bà được biết và thực hiện.</p>}
        {signatures}
      </article>
    </>
  );
}
