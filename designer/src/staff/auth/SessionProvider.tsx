/**
 * The staff session in the browser: asked from the server once at start, set by the sign-in, ended by sign-out or
 * by any 401 (the session timed out), in which case the sign-in page says so.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { http } from '../../shared/http/http-client.js';
import { authApi, type StaffSession } from './auth-api.js';

type SessionState =
  | { status: 'loading' }
  | { status: 'signed-out'; ended: boolean }
  | { status: 'signed-in'; session: StaffSession };

interface SessionContextValue {
  state: SessionState;
  signedIn(session: StaffSession): void;
  signOut(): Promise<void>;
  /** After the password change: the same session, no longer restricted. */
  passwordChanged(): void;
}

const SessionContext = createContext<SessionContextValue | undefined>(undefined);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  useEffect(() => {
    let cancelled = false;
    authApi.currentSession().then(
      (session) => !cancelled && setState(session ? { status: 'signed-in', session } : { status: 'signed-out', ended: false }),
      () => !cancelled && setState({ status: 'signed-out', ended: false }),
    );
    const stopListening = http.onUnauthorized(() => setState((current) => (current.status === 'signed-in' ? { status: 'signed-out', ended: true } : current)));
    return () => {
      cancelled = true;
      stopListening();
    };
  }, []);

  useEffect(() => {
    http.setCsrfToken(state.status === 'signed-in' ? state.session.csrfToken : undefined);
  }, [state]);

  const signedIn = useCallback((session: StaffSession) => {
    http.setCsrfToken(session.csrfToken);
    setState({ status: 'signed-in', session });
  }, []);
  const signOut = useCallback(async () => {
    try {
      await authApi.signOut();
    } finally {
      setState({ status: 'signed-out', ended: false });
    }
  }, []);
  const passwordChanged = useCallback(() => {
    setState((current) => (current.status === 'signed-in'
      ? { status: 'signed-in', session: { ...current.session, user: { ...current.session.user, mustChangePassword: false } } }
      : current));
  }, []);

  const value = useMemo(() => ({ state, signedIn, signOut, passwordChanged }), [state, signedIn, signOut, passwordChanged]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a SessionProvider');
  return session;
}
