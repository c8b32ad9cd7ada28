import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTokens, users } from '../db/schema/index.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { testBackends } from '../testing/test-databases.js';

describe.each(testBackends())('auth routes on $name', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(backend);
  });
  afterAll(() => t.close());

  it('logs in with the password and answers who is calling', async () => {
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'AGENT@test.local', password: 'agent-password-1' },
    });
    expect(login.statusCode).toBe(200);
    const { token, user } = login.json<{ token: string; user: { role: string; email: string } }>();
    expect(user).toMatchObject({ role: 'agent', email: 'agent@test.local' });
    expect(token).toMatch(/^af_ses_/);
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(me.json()).toMatchObject({ email: 'agent@test.local', role: 'agent', name: 'Bia' });
    const [stored] = await t.database.db
      .select()
      .from(apiTokens)
      .where(eq(apiTokens.kind, 'session'));
    expect(stored?.tokenHash).not.toContain(token);
    const logout = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { authorization: `Bearer ${token}` },
    });
    expect([logout.statusCode, logout.body]).toEqual([204, '']);
    const after = await t.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(after.statusCode).toBe(401);
  });

  it('refuses a wrong password the same way as an unknown e-mail', async () => {
    for (const payload of [
      { email: 'agent@test.local', password: 'nope' },
      { email: 'nobody@test.local', password: 'nope' },
    ]) {
      const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload });
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({
        error: { code: 'LOGIN_FAILED', message: 'wrong email or password' },
      });
    }
  });

  it('lets only admins manage users, and names bad fields', async () => {
    const asAgent = await t.app.inject({
      method: 'GET',
      url: '/api/users',
      headers: t.as('agent'),
    });
    expect(asAgent.statusCode).toBe(403);
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/users' });
    expect(anonymous.statusCode).toBe(401);
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: t.as('admin'),
      payload: { email: 'not-an-email', name: 'X', role: 'boss', password: 'short', extra: 1 },
    });
    expect(bad.statusCode).toBe(400);
    const message = bad.json<{ error: { message: string } }>().error.message;
    for (const field of ['email', 'role', 'password', 'extra']) expect(message).toContain(field);
    expect(await t.database.db.select().from(users).where(eq(users.email, 'not-an-email'))).toEqual(
      [],
    );
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: t.as('admin'),
      payload: {
        email: 'carla@test.local',
        name: 'Carla',
        role: 'agent',
        password: 'carla-password-1',
      },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).not.toHaveProperty('passwordHash');
  });

  it('issues API tokens shown once and revocable', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: t.as('agent'),
      payload: { name: 'ci' },
    });
    const { token } = created.json<{ token: string }>();
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/tokens',
      headers: { authorization: `Bearer ${token}` },
    });
    const tokens = list.json<Array<{ id: string; name: string }>>();
    expect(JSON.stringify(tokens)).not.toContain(token);
    const ci = tokens.find((entry) => entry.name === 'ci');
    const revoked = await t.app.inject({
      method: 'DELETE',
      url: `/api/tokens/${ci?.id}`,
      headers: t.as('agent'),
    });
    expect(revoked.statusCode).toBe(204);
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: '/api/auth/me',
          headers: { authorization: `Bearer ${token}` },
        })
      ).statusCode,
    ).toBe(401);
  });

  it('answers malformed JSON, unknown routes and health', async () => {
    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email":',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    expect((await t.app.inject({ method: 'GET', url: '/api/nothing' })).json()).toMatchObject({
      error: { code: 'NOT_FOUND' },
    });
    expect((await t.app.inject({ method: 'GET', url: '/health' })).json()).toEqual({
      status: 'ok',
      database: backend.name,
      migrations: 'current',
    });
  });
});
