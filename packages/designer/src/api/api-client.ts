import { ApiError } from './api-error';

/** What {@link createApiClient} needs from its host: a fetch, the token, and what to do on 401. */
export interface ApiClientOptions {
  fetch: typeof fetch;
  getToken: () => string | null;
  onUnauthorized?: () => void;
  baseUrl?: string;
}

/** A JSON client of the server's REST API. */
export interface ApiClient {
  request<T>(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    path: string,
    body?: unknown,
  ): Promise<T>;
}

/** Creates a JSON client over fetch: bearer token, JSON bodies, error answers as {@link ApiError}. */
export function createApiClient(options: ApiClientOptions): ApiClient {
  return {
    async request<T>(method: string, path: string, body?: unknown): Promise<T> {
      const token = options.getToken();
      const headers: Record<string, string> = { accept: 'application/json' };
      if (body !== undefined) headers['content-type'] = 'application/json';
      if (token) headers.authorization = `Bearer ${token}`;
      let response: Response;
      try {
        response = await options.fetch(`${options.baseUrl ?? ''}/api${path}`, {
          method,
          headers,
          ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        });
      } catch (error) {
        throw new ApiError(0, 'NETWORK', error instanceof Error ? error.message : String(error));
      }
      if (response.status === 204) return undefined as T;
      const payload: unknown = await response.json().catch(() => null);
      if (response.ok) return payload as T;
      if (response.status === 401) options.onUnauthorized?.();
      throw errorOf(response.status, payload);
    },
  };
}

function errorOf(status: number, payload: unknown): ApiError {
  const error =
    typeof payload === 'object' && payload !== null
      ? (payload as { error?: { code?: unknown; message?: unknown; details?: unknown } }).error
      : undefined;
  return new ApiError(
    status,
    typeof error?.code === 'string' ? error.code : `HTTP_${status}`,
    typeof error?.message === 'string' ? error.message : `the server answered ${status}`,
    error?.details,
  );
}
