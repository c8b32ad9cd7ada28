/** A tiny JSON client of the server for test setup and assertions (outside the browser). */
export function apiOf(baseUrl: string, token?: string) {
  return async <T>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }> => {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (token) headers.authorization = `Bearer ${token}`;
    const response = await fetch(`${baseUrl}/api${path}`, {
      method,
      headers,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return { status: response.status, body: (await response.json().catch(() => null)) as T };
  };
}

/** Signs in and returns the bearer token. */
export async function tokenOf(baseUrl: string, email: string, password: string): Promise<string> {
  const { status, body } = await apiOf(baseUrl)<{ token: string }>('POST', '/auth/login', {
    email,
    password,
  });
  if (status !== 200) throw new Error(`login of ${email} answered ${status}`);
  return body.token;
}
