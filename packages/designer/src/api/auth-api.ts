import type { ApiClient } from './api-client';

/** Who may do what: admins design, agents attend. */
export type Role = 'admin' | 'agent';

/** The signed-in user. */
export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
}

/** The answer of `POST /api/auth/login`. */
export interface LoginResult {
  token: string;
  user: User;
}

/** Signs in with e-mail and password. */
export function login(api: ApiClient, email: string, password: string): Promise<LoginResult> {
  return api.request<LoginResult>('POST', '/auth/login', { email, password });
}

/** Revokes the current token. */
export function logout(api: ApiClient): Promise<void> {
  return api.request<void>('POST', '/auth/logout');
}
