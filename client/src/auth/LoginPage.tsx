import { useState, type FormEvent } from 'react';
import { signIn, type SessionUser } from './session';

/** The sign-in form. The server's answers are shown as they are: they never say which part was wrong. */
export function LoginPage({ notice, onSignedIn }: { notice?: string; onSignedIn: (user: SessionUser) => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await signIn(username.trim(), password));
    } catch (err) {
      setError((err as Error).message);
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="login">
      <form className="login-card" onSubmit={submit} aria-labelledby="login-title">
        <div className="brand login-brand">
          <span className="brand-mark" aria-hidden="true" />
          Vigil
        </div>
        <h1 id="login-title" className="login-title">Sign in</h1>
        {notice ? <p className="login-notice" role="status">{notice}</p> : null}
        <label className="login-field">
          <span>Username</span>
          <input className="text-input" name="username" autoComplete="username" autoFocus required value={username} onChange={(e) => setUsername(e.target.value)} />
        </label>
        <label className="login-field">
          <span>Password</span>
          <input className="text-input" name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        {error ? <p className="login-error" role="alert">{error}</p> : null}
        <button className="button" type="submit" disabled={busy || !username.trim() || !password}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
        <p className="login-help">Accounts are made by an admin. The first admin's password is printed when Vigil first starts.</p>
      </form>
    </main>
  );
}
