/** Sign in with username and password; a refusal keeps what was typed. */
import { useState } from 'preact/hooks';
import { useConsole } from '../context';
import { Notice, refusalText } from '../Notice';

export function LoginScreen() {
  const { api, t, refreshMe } = useConsole();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: Event): Promise<void> {
    e.preventDefault();
    setBusy(true);
    const answer = await api.send('POST', '/api/v1/auth/login', { username, password });
    setBusy(false);
    if (answer.ok) {
      setError(null);
      await refreshMe();
    } else if (answer.kind === 'refused' && answer.status === 429) setError(t('login.locked', { seconds: answer.retryAfter ?? 60 }));
    else if (answer.kind === 'refused' && answer.reason === 'login-failed') setError(t('login.failed'));
    else setError(refusalText(t, answer));
  }

  return (
    <form class="card narrow" onSubmit={(e) => void submit(e)}>
      <h1>{t('login.title')}</h1>
      <label>
        {t('login.username')}
        <input name="username" autoComplete="username" required value={username} onInput={(e) => setUsername(e.currentTarget.value)} />
      </label>
      <label>
        {t('login.password')}
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onInput={(e) => setPassword(e.currentTarget.value)}
        />
      </label>
      <Notice kind="error" text={error} />
      <button type="submit" disabled={busy}>
        {t('login.submit')}
      </button>
    </form>
  );
}
