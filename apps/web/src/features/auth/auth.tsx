import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { LoginBody, SessionUser } from '@minsheng/contract';
import { api, isApiError } from '../../api/client';
import { endpoints } from '../../api/endpoints';

type AuthState =
  | { status: 'loading'; user: null }
  | { status: 'anonymous'; user: null }
  | { status: 'signed-in'; user: SessionUser };

interface AuthValue {
  state: AuthState;
  user: SessionUser | null;
  login: (credentials: LoginBody) => Promise<void>;
  logout: () => Promise<void>;
}

const AuthContext = createContext<AuthValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ status: 'loading', user: null });

  useEffect(() => {
    let live = true;
    endpoints.auth
      .session()
      .then((session) => {
        api.setCsrfToken(session.csrfToken);
        if (live) setState({ status: 'signed-in', user: session.user });
      })
      .catch((error: unknown) => {
        if (!isApiError(error, 'UNAUTHENTICATED')) console.error(error);
        if (live) setState({ status: 'anonymous', user: null });
      });
    const off = api.onUnauthenticated(() => {
      api.setCsrfToken(null);
      setState({ status: 'anonymous', user: null });
    });
    return () => {
      live = false;
      off();
    };
  }, []);

  const login = useCallback(async (credentials: LoginBody) => {
    const session = await endpoints.auth.login(credentials);
    api.setCsrfToken(session.csrfToken);
    setState({ status: 'signed-in', user: session.user });
  }, []);

  const logout = useCallback(async () => {
    try {
      await endpoints.auth.logout();
    } finally {
      api.setCsrfToken(null);
      setState({ status: 'anonymous', user: null });
    }
  }, []);

  const value = useMemo<AuthValue>(
    () => ({ state, user: state.user, login, logout }),
    [state, login, logout],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}
