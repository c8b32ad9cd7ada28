import type { User } from '../api/auth-api';

/** A signed-in session as kept in the browser. */
export interface Session {
  token: string;
  user: User;
}

/** Where the browser keeps the session (localStorage). */
export const sessionStorageKey = 'attendflow.session';

/** Reads a stored session; anything malformed counts as signed out. */
export function parseSession(text: string | null): Session | null {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Partial<Session>;
    const user = value.user;
    if (typeof value.token !== 'string' || typeof user !== 'object' || user === null) return null;
    if (user.role !== 'admin' && user.role !== 'agent') return null;
    if (typeof user.id !== 'string' || typeof user.name !== 'string') return null;
    return { token: value.token, user };
  } catch {
    return null;
  }
}
