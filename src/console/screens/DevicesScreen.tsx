/** Devices: enrolled and self-registered, last seen, revoke. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { useConsole } from '../context';
import { vnDateTime } from '../format';
import { Notice, refusalText } from '../Notice';
import type { DeviceRow } from '../types';

export function DevicesScreen() {
  const { api, t } = useConsole();
  const [rows, setRows] = useState<DeviceRow[]>([]);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    const a = await api.get<{ devices: DeviceRow[] }>('/api/v1/devices');
    if (a.ok) setRows(a.value.devices);
    else setError(refusalText(t, a));
  }, [api, t]);
  useEffect(() => void load(), [load]);
  async function revoke(id: string): Promise<void> {
    const a = await api.send('POST', `/api/v1/devices/${id}/revoke`, {});
    if (!a.ok) setError(refusalText(t, a));
    await load();
  }
  return (
    <section aria-labelledby="devices-title">
      <h1 id="devices-title">{t('devices.title')}</h1>
      <Notice kind="error" text={error} />
      <table>
        <thead>
          <tr>
            <th scope="col">{t('devices.id')}</th>
            <th scope="col">{t('devices.kind')}</th>
            <th scope="col">{t('devices.owner')}</th>
            <th scope="col">{t('devices.lastSeen')}</th>
            <th scope="col">
              <span class="visually-hidden">{t('dossier.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((d) => (
            <tr key={d.deviceId}>
              <td>
                <code>{d.deviceId.slice(0, 8)}</code>
              </td>
              <td>{t(d.kind === 'staff' ? 'devices.staff' : 'devices.resident')}</td>
              <td>{d.staff?.displayName ?? '—'}</td>
              <td>{d.lastSeenAt ? vnDateTime(d.lastSeenAt) : '—'}</td>
              <td>
                {d.revoked ? (
                  t('devices.revoked')
                ) : (
                  <button type="button" class="danger" onClick={() => void revoke(d.deviceId)}>
                    {t('devices.revoke')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
