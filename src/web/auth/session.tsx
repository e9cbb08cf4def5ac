import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo } from 'react';
import type { Permission } from '../../domain/access/roles';
import { ApiError, api, setCsrfToken, setUnauthorizedHandler } from '../api/client';
import type { SessionAnswer, SessionUser } from '../api/types';

interface SessionContextValue {
  user: SessionUser | null;
  loading: boolean;
  can: (p: Permission) => boolean;
  /** The server holds every other page back until the second factor is set up. */
  secondFactorSetupRequired: boolean;
  login: (email: string, password: string, totp?: string) => Promise<SessionUser>;
  /** Asks the server again who is logged in (after the second factor was set up). */
  refresh: () => Promise<void>;
  logout: (everywhere?: boolean) => Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);
const ME = ['auth', 'me'] as const;

/** The session lives on the server (HttpOnly cookie); the app only asks who is logged in. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const me = useQuery({
    queryKey: ME,
    queryFn: async (): Promise<SessionAnswer | null> => {
      try {
        return await api.get<SessionAnswer>('/api/auth/me', undefined, { quiet401: true });
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) return null;
        throw e;
      }
    },
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });

  useEffect(() => {
    setCsrfToken(me.data?.csrfToken ?? null);
  }, [me.data]);

  const clear = useCallback(() => {
    setCsrfToken(null);
    qc.setQueryData(ME, null);
    qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
  }, [qc]);

  useEffect(() => {
    setUnauthorizedHandler(clear);
    return () => setUnauthorizedHandler(null);
  }, [clear]);

  const value = useMemo<SessionContextValue>(() => {
    const user = me.data?.user ?? null;
    return {
      user,
      loading: me.isPending,
      secondFactorSetupRequired: me.data?.secondFactorSetupRequired ?? false,
      can: (p) => user?.permissions.includes(p) ?? false,
      login: async (email, password, totp) => {
        const answer = await api.post<SessionAnswer>(
          '/api/auth/login',
          totp ? { email, password, totp } : { email, password },
          { quiet401: true },
        );
        setCsrfToken(answer.csrfToken);
        qc.setQueryData(ME, answer);
        return answer.user;
      },
      refresh: async () => {
        await qc.invalidateQueries({ queryKey: ME });
      },
      logout: async (everywhere = false) => {
        try {
          await api.post(everywhere ? '/api/auth/logout-all' : '/api/auth/logout', {}, { quiet401: true });
        } finally {
          clear();
        }
      },
    };
  }, [me.data, me.isPending, qc, clear]);

  if (me.isError) throw me.error;
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}

/** For pages behind the login: the user is there (the router only renders them when logged in). */
export function useUser(): SessionUser {
  const { user } = useSession();
  if (!user) throw new Error('not logged in');
  return user;
}
