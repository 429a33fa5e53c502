/** The first-start link (/can-bo/thiet-lap#token): creates the first admin, once. */
import { useState } from 'preact/hooks';
import { useConsole } from '../context';
import { Notice, refusalText } from '../Notice';

export function SetupScreen() {
  const { api, t, navigate } = useConsole();
  const [form, setForm] = useState({ username: '', displayName: '', password: '' });
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const token = location.hash.slice(1);

  async function submit(e: Event): Promise<void> {
    e.preventDefault();
    const answer = await api.send('POST', '/api/v1/auth/setup', { token, ...form });
    if (answer.ok) {
      setDone(true);
      history.replaceState(null, '', location.pathname);
      navigate({ page: 'inbox' });
    } else if (answer.kind === 'refused' && answer.reason === 'setup-invalid') setError(t('setup.invalid'));
    else if (answer.kind === 'refused' && answer.reason === 'password-rejected') setError(t('password.rejected'));
    else setError(refusalText(t, answer));
  }

  const field = (key: keyof typeof form, label: string, type = 'text', autoComplete = 'off') => (
    <label>
      {label}
      <input
        name={key}
        type={type}
        required
        autoComplete={autoComplete}
        value={form[key]}
        onInput={(e) => setForm({ ...form, [key]: e.currentTarget.value })}
      />
    </label>
  );

  return (
    <form class="card narrow" onSubmit={(e) => void submit(e)}>
      <h1>{t('setup.title')}</h1>
      <p>{t('setup.intro')}</p>
      {field('username', t('login.username'), 'text', 'username')}
      {field('displayName', t('setup.displayName'), 'text', 'name')}
      {field('password', t('password.next'), 'password', 'new-password')}
      <Notice kind="error" text={error} />
      <Notice kind="ok" text={done ? t('setup.done') : null} />
      <button type="submit">{t('setup.submit')}</button>
    </form>
  );
}
