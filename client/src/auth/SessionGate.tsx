// Shows the sign-in page until someone is signed in, then the dashboard with the user in context.
// When any API call finds the session gone, the cache is dropped (the next user must not see the
// last one's figures) and the sign-in page comes back, on the same URL.
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { useApolloClient } from '@apollo/client/react';
import { fetchMe, SESSION_ENDED, signOut, type SessionUser } from './session';
import { LoginPage } from './LoginPage';
import { ErrorState, LoadingState } from '../components/StateViews';

interface Session {
  user: SessionUser;
  /** signed in by the organisation's sign-in proxy (no password or sign-out here) */
  proxy: boolean;
  signOut(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

/** The signed-in user; only inside SessionGate. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionGate');
  return session;
}

type State = { kind: 'loading' } | { kind: 'failed'; error: unknown } | { kind: 'signed-out'; notice?: string } | { kind: 'signed-in'; user: SessionUser; proxy: boolean };

export function SessionGate({ children }: { children: ReactNode }) {
  const client = useApolloClient();
  const [state, setState] = useState<State>({ kind: 'loading' });

  const load = useCallback(() => {
    setState({ kind: 'loading' });
    fetchMe().then(
      (me) => setState(me ? { kind: 'signed-in', ...me } : { kind: 'signed-out' }),
      (error: unknown) => setState({ kind: 'failed', error }),
    );
  }, []);
  useEffect(load, [load]);

  useEffect(() => {
    const ended = () => {
      void client.clearStore();
      setState({ kind: 'signed-out', notice: 'Your session ended. Sign in again to go on.' });
    };
    window.addEventListener(SESSION_ENDED, ended);
    return () => window.removeEventListener(SESSION_ENDED, ended);
  }, [client]);

  if (state.kind === 'loading') return <LoadingState what="Vigil" />;
  if (state.kind === 'failed') return <ErrorState what="Vigil" error={state.error} onRetry={load} />;
  if (state.kind === 'signed-out') {
    return (
      <LoginPage
        notice={state.notice}
        onSignedIn={(user) => {
          void client.clearStore();
          setState({ kind: 'signed-in', user, proxy: false });
        }}
      />
    );
  }
  const session: Session = {
    user: state.user,
    proxy: state.proxy,
    async signOut() {
      await signOut();
      await client.clearStore();
      setState({ kind: 'signed-out', notice: 'You are signed out.' });
    },
  };
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}
