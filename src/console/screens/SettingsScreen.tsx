/** The commune's settings: receipt header, Saturday-morning reception, the VietQR collection account. */
import { useEffect, useState } from 'preact/hooks';
import type { CommuneSettings } from '../../domain/office';
import { useConsole } from '../context';
import { Notice, refusalText } from '../Notice';

export function SettingsScreen() {
  const { api, t } = useConsole();
  const [s, setS] = useState<CommuneSettings | null>(null);
  const [bank, setBank] = useState({ bin: '', account: '', accountName: '' });
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    void api.get<CommuneSettings>('/api/v1/settings').then((a) => {
      if (a.ok) {
        setS(a.value);
        if (a.value.collection) setBank(a.value.collection);
      } else setError(refusalText(t, a));
    });
  }, [api, t]);

  if (!s) return <Notice kind="error" text={error} />;
  async function save(e: Event): Promise<void> {
    e.preventDefault();
    const collection = bank.bin || bank.account || bank.accountName ? bank : null;
    const answer = await api.send<CommuneSettings>('PUT', '/api/v1/settings', { ...s, collection });
    setSaved(answer.ok);
    setError(answer.ok ? null : refusalText(t, answer));
  }
  return (
    <form class="card narrow" onSubmit={(e) => void save(e)} aria-labelledby="settings-title">
      <h1 id="settings-title">{t('settings.title')}</h1>
      <label>
        {t('settings.officeName')}
        <input required value={s.officeName} onInput={(e) => setS({ ...s, officeName: e.currentTarget.value })} />
      </label>
      <label>
        {t('settings.address')}
        <input value={s.address} onInput={(e) => setS({ ...s, address: e.currentTarget.value })} />
      </label>
      <label class="check">
        <input
          type="checkbox"
          checked={s.saturdayMorningReception}
          onChange={(e) => setS({ ...s, saturdayMorningReception: e.currentTarget.checked })}
        />
        {t('settings.saturday')}
      </label>
      <fieldset>
        <legend>{t('settings.collection')}</legend>
        <label>
          {t('settings.bin')}
          <input inputMode="numeric" pattern="\d{6}" value={bank.bin} onInput={(e) => setBank({ ...bank, bin: e.currentTarget.value })} />
        </label>
        <label>
          {t('settings.account')}
          <input value={bank.account} onInput={(e) => setBank({ ...bank, account: e.currentTarget.value })} />
        </label>
        <label>
          {t('settings.accountName')}
          <input value={bank.accountName} onInput={(e) => setBank({ ...bank, accountName: e.currentTarget.value })} />
        </label>
      </fieldset>
      <Notice kind="error" text={error} />
      <Notice kind="ok" text={saved ? t('settings.saved') : null} />
      <button type="submit">{t('settings.save')}</button>
    </form>
  );
}
