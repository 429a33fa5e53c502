/** Change one's own password (forced after an admin reset). */
import { useState } from 'preact/hooks';
import { useConsole } from '../context';
import { Notice, refusalText } from '../Notice';

export function PasswordScreen() {
  const { api, t, me, refreshMe } = useConsole();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  async function submit(e: Event): Promise<void> {
    e.preventDefault();
    const answer = await api.send('POST', '/api/v1/auth/password', { current, next });
    if (answer.ok) {
      setError(null);
      setDone(true);
      setCurrent('');
      setNext('');
      await refreshMe();
    } else if (answer.kind === 'refused' && answer.reason === 'password-rejected') setError(t('password.rejected'));
    else if (answer.kind === 'refused' && answer.reason === 'login-failed') setError(t('password.wrong'));
    else setError(refusalText(t, answer));
  }

  return (
    <form class="card narrow" onSubmit={(e) => void submit(e)}>
      <h1>{t('password.title')}</h1>
      {me?.mustChangePassword && <p class="notice notice--error">{t('password.mustChange')}</p>}
      <label>
        {t('password.current')}
        <input
          type="password"
          name="current"
          autoComplete="current-password"
          required
          value={current}
          onInput={(e) => setCurrent(e.currentTarget.value)}
        />
      </label>
      <label>
        {t('password.next')}
        <input
          type="password"
          name="next"
          autoComplete="new-password"
          required
          minLength={10}
          value={next}
          onInput={(e) => setNext(e.currentTarget.value)}
        />
      </label>
      <Notice kind="error" text={error} />
      <Notice kind="ok" text={done ? t('password.done') : null} />
      <button type="submit">{t('password.submit')}</button>
    </form>
  );
}
