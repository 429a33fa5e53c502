/** Staff accounts: list, create, disable, reset password, and a device enrolment code shown as a QR code. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { ROLES, type Role } from '../../domain/roles';
import { QrCode } from '../../ui/QrCode';
import { useConsole } from '../context';
import { vnDateTime } from '../format';
import { Notice, refusalText } from '../Notice';
import type { StaffRow } from '../types';

export function StaffScreen() {
  const { api, t } = useConsole();
  const [rows, setRows] = useState<StaffRow[]>([]);
  const [form, setForm] = useState({ username: '', displayName: '', role: 'officer' as Role, villageId: '' });
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [enrol, setEnrol] = useState<{ name: string; code: string; url: string; expiresAt: number } | null>(null);

  const load = useCallback(async () => {
    const a = await api.get<{ staff: StaffRow[] }>('/api/v1/staff');
    if (a.ok) setRows(a.value.staff);
    else setError(refusalText(t, a));
  }, [api, t]);
  useEffect(() => void load(), [load]);

  async function create(e: Event): Promise<void> {
    e.preventDefault();
    const body = {
      username: form.username,
      displayName: form.displayName,
      role: form.role,
      ...(form.villageId ? { villageId: form.villageId } : {}),
    };
    const a = await api.send<{ password?: string }>('POST', '/api/v1/staff', body);
    if (a.ok) {
      setMessage(t('staff.created', { password: a.value.password ?? '' }));
      setError(null);
      setForm({ username: '', displayName: '', role: 'officer', villageId: '' });
      await load();
    } else setError(refusalText(t, a));
  }
  async function act(row: StaffRow, what: 'disable' | 'reset'): Promise<void> {
    const a = await api.send<{ password?: string }>('POST', `/api/v1/staff/${encodeURIComponent(row.username)}/${what}`, {});
    if (a.ok) setMessage(what === 'reset' ? t('staff.resetDone', { password: a.value.password ?? '' }) : null);
    else setError(refusalText(t, a));
    await load();
  }
  async function code(row: StaffRow): Promise<void> {
    const a = await api.send<{ code: string; url: string; expiresAt: number }>('POST', '/api/v1/devices/enrolments', {
      username: row.username,
    });
    if (a.ok) setEnrol({ name: row.displayName, ...a.value });
    else setError(refusalText(t, a));
  }

  return (
    <section aria-labelledby="staff-title">
      <h1 id="staff-title">{t('staff.title')}</h1>
      <Notice kind="error" text={error} />
      <Notice kind="ok" text={message} />
      {enrol && (
        <div class="card enrol" role="status">
          <QrCode text={`${location.origin}${enrol.url}`} label={enrol.code} size={160} />
          <p>{t('staff.enrolCode', { name: enrol.name, code: enrol.code, at: vnDateTime(enrol.expiresAt) })}</p>
        </div>
      )}
      <table>
        <thead>
          <tr>
            <th scope="col">{t('staff.username')}</th>
            <th scope="col">{t('staff.displayName')}</th>
            <th scope="col">{t('staff.role')}</th>
            <th scope="col">{t('staff.state')}</th>
            <th scope="col">
              <span class="visually-hidden">{t('dossier.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.username}>
              <td>{r.username}</td>
              <td>{r.displayName}</td>
              <td>
                {t(`role.${r.role}`)}
                {r.villageId && ` · ${r.villageId}`}
              </td>
              <td>{r.disabled ? t('staff.disabled') : t('staff.active')}</td>
              <td class="row-actions">
                {!r.disabled && (
                  <>
                    <button type="button" class="secondary" onClick={() => void code(r)}>
                      {t('staff.enrol')}
                    </button>
                    <button type="button" class="secondary" onClick={() => void act(r, 'reset')}>
                      {t('staff.reset')}
                    </button>
                    <button type="button" class="danger" onClick={() => void act(r, 'disable')}>
                      {t('staff.disable')}
                    </button>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form class="card row" onSubmit={(e) => void create(e)}>
        <label>
          {t('staff.username')}
          <input required value={form.username} onInput={(e) => setForm({ ...form, username: e.currentTarget.value })} />
        </label>
        <label>
          {t('staff.displayName')}
          <input required value={form.displayName} onInput={(e) => setForm({ ...form, displayName: e.currentTarget.value })} />
        </label>
        <label>
          {t('staff.role')}
          <select value={form.role} onChange={(e) => setForm({ ...form, role: e.currentTarget.value as Role })}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('staff.village')}
          <input value={form.villageId} onInput={(e) => setForm({ ...form, villageId: e.currentTarget.value })} />
        </label>
        <button type="submit">{t('staff.create')}</button>
      </form>
    </section>
  );
}
