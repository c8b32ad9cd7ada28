import { useState, type FormEvent } from 'react';
import { useSession } from '../app/session-context';
import { useI18n } from '../i18n/I18nProvider';

/** E-mail and password against `POST /api/auth/login`. */
export function LoginPage() {
  const { t } = useI18n();
  const { signIn } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    signIn(email, password).catch((e: unknown) =>
      setError(t('login.failed', { message: e instanceof Error ? e.message : String(e) })),
    );
  };
  return (
    <form className="card login" onSubmit={submit}>
      <h1>{t('login.title')}</h1>
      <label>
        {t('login.email')}
        <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} required />
      </label>
      <label>
        {t('login.password')}
        <input
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
        />
      </label>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="primary">
        {t('login.submit')}
      </button>
    </form>
  );
}
