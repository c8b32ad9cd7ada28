import type { ApiClient } from './api-client';
import type { ApiAnswer } from './server-api';

/** The answer of `POST /api/auth/login`. */
export type LoginResult = ApiAnswer<'/api/auth/login', 'post'>;

/** The signed-in user. */
export type User = ApiAnswer<'/api/auth/me', 'get'>;

/** Who may do what: admins design, agents attend. */
export type Role = User['role'];

/** Signs in with e-mail and password. */
export function login(api: ApiClient, email: string, password: string): Promise<LoginResult> {
  return api.request<LoginResult>('POST', '/auth/login', { email, password });
}

/** Revokes the current token. */
export function logout(api: ApiClient): Promise<void> {
  return api.request<void>('POST', '/auth/logout');
}
