/** Sổ theo dõi hồ sơ: the register for a period as CSV for Excel (the server audits each download). */
import { useState } from 'preact/hooks';
import { useConsole } from '../context';
import { isoDayOf, startOfVnDay } from '../format';

const DAY = 86_400_000;

export function RegisterScreen() {
  const { t, now } = useConsole();
  const today = isoDayOf(now());
  const [from, setFrom] = useState(isoDayOf(now() - 30 * DAY));
  const [to, setTo] = useState(today);
  const fromMs = startOfVnDay(from);
  const toMs = startOfVnDay(to);
  const href = fromMs !== undefined && toMs !== undefined ? `/api/v1/register.csv?from=${fromMs}&to=${toMs + DAY}` : undefined;
  return (
    <section class="card narrow" aria-labelledby="register-title">
      <h1 id="register-title">{t('register.title')}</h1>
      <div class="row">
        <label>
          {t('register.from')}
          <input type="date" value={from} max={to} onChange={(e) => setFrom(e.currentTarget.value)} />
        </label>
        <label>
          {t('register.to')}
          <input type="date" value={to} min={from} onChange={(e) => setTo(e.currentTarget.value)} />
        </label>
      </div>
      {href && (
        <a class="button" href={href} download="so-theo-doi-ho-so.csv">
          {t('register.download')}
        </a>
      )}
      <p class="muted small">{t('register.hint')}</p>
    </section>
  );
}
