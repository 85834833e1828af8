// The signed-in user, shared through React context, plus permission helpers.
import { createContext, useContext } from 'react';
import { ApiError, api, setCsrfToken } from './api.ts';
import type { SessionResponse, SessionUser } from './types.ts';

export interface SessionContextValue {
  user: SessionUser;
  /** Replaces the user after a profile change or a password / TOTP step. */
  setUser: (user: SessionUser) => void;
  /** Re-reads GET /api/auth/session (also refreshes the CSRF token). */
  refresh: () => Promise<void>;
  signOut: () => Promise<void>;
}

export const SessionContext = createContext<SessionContextValue | null>(null);

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionContext');
  return value;
}

export function can(user: SessionUser | null | undefined, ...permissions: string[]): boolean {
  if (!user) return false;
  return permissions.some((permission) => user.permissions.includes(permission));
}

export function useCan(...permissions: string[]): boolean {
  return can(useSession().user, ...permissions);
}

/** GET /api/auth/session and keep its CSRF token; null when not signed in (401). */
export async function fetchSession(): Promise<SessionResponse | null> {
  try {
    const session = await api.get<SessionResponse>('/api/auth/session');
    setCsrfToken(session.csrfToken ?? null);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}
