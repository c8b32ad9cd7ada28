import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { createApiClient, type ApiClient } from '../api/api-client';
import { login as loginRequest, logout as logoutRequest } from '../api/auth-api';
import { parseSession, sessionStorageKey as storageKey, type Session } from './session';

interface SessionState {
  session: Session | null;
  api: ApiClient;
  signIn: (email: string, password: string) => Promise<Session>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

/** Holds the signed-in session (kept in localStorage) and the API client that uses its token. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState(() => parseSession(localStorage.getItem(storageKey)));
  const store = useCallback((next: Session | null) => {
    if (next) localStorage.setItem(storageKey, JSON.stringify(next));
    else localStorage.removeItem(storageKey);
    setSession(next);
  }, []);
  const api = useMemo(
    () =>
      createApiClient({
        fetch: (...args) => fetch(...args),
        getToken: () => parseSession(localStorage.getItem(storageKey))?.token ?? null,
        onUnauthorized: () => store(null),
      }),
    [store],
  );
  const value = useMemo<SessionState>(
    () => ({
      session,
      api,
      async signIn(email, password) {
        const result = await loginRequest(api, email, password);
        store(result);
        return result;
      },
      async signOut() {
        await logoutRequest(api).catch(() => undefined);
        store(null);
      },
    }),
    [session, api, store],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The session, the API client, sign in and sign out. */
export function useSession(): SessionState {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
