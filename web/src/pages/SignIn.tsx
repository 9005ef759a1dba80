import { useState, type FormEvent } from 'react';
import { ApiError, sendJson } from '../api/client.js';
import { useI18n } from '../i18n/i18n.js';

/** The token form shown whenever the API answers 401; success sets the session cookie. */
export function SignIn({ linkFailed, onSignedIn }: { linkFailed: boolean; onSignedIn(): void }) {
  const { t } = useI18n();
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | undefined>(linkFailed ? t('signin.linkFailed') : undefined);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    try {
      await sendJson('POST', '/api/session', { token: token.trim() });
      onSignedIn();
    } catch (err) {
      setError(err instanceof ApiError && err.status === 401 ? t('signin.invalid') : String(err));
    }
  };
  return (
    <form className="signin panel" onSubmit={(e) => void submit(e)}>
      <h1>{t('signin.title')}</h1>
      <p>{t('signin.text')}</p>
      <label className="field">
        <span>{t('signin.token')}</span>
        <input
          type="password"
          name="token"
          autoComplete="current-password"
          value={token}
          onChange={(e) => setToken(e.target.value)}
          required
        />
      </label>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="primary">
        {t('signin.submit')}
      </button>
    </form>
  );
}
