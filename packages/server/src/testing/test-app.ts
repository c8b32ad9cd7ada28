import { randomBytes } from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.js';
import { createCore, type Core, type CoreOptions } from '../core.js';
import type { Database } from '../db/database.js';
import type { UserRole } from '../db/schema/index.js';
import { UserService } from '../services/users.js';
import type { TestBackend } from './test-databases.js';

/** An app on a fresh database with an admin and an agent signed in. */
export interface TestApp {
  app: FastifyInstance;
  core: Core;
  database: Database;
  users: UserService;
  adminToken: string;
  agentToken: string;
  /** Headers for `inject` as the admin or the agent. */
  as: (who: UserRole) => { authorization: string };
  /** `inject` on `/api<url>` as the admin (or the agent), with a JSON payload if given. */
  call: (
    method: InjectOptions['method'],
    url: string,
    payload?: unknown,
    who?: UserRole,
  ) => Promise<LightMyRequestResponse>;
  clock: { now: number };
  close: () => Promise<void>;
}

/** Builds the app for one test file on a back end (PGlite or PostgreSQL). */
export async function startTestApp(
  backend: TestBackend,
  options: Partial<Pick<CoreOptions, 'retry' | 'adapters'>> & { bodyLimit?: number } = {},
): Promise<TestApp> {
  const database = await backend.open();
  const clock = { now: Date.parse('2026-03-02T12:00:00Z') };
  const core = createCore({
    database,
    secretKey: randomBytes(32),
    now: () => clock.now,
    ...options,
  });
  const users = new UserService(database.db, () => clock.now);
  const app = await buildApp({
    core,
    users,
    ...(options.bodyLimit ? { bodyLimit: options.bodyLimit } : {}),
  });
  const admin = await users.create({
    email: 'admin@test.local',
    name: 'Admin',
    role: 'admin',
    password: 'admin-password-1',
  });
  const agent = await users.create({
    email: 'agent@test.local',
    name: 'Bia',
    role: 'agent',
    password: 'agent-password-1',
  });
  const adminToken = await users.issue(admin.id, 'api', 'test');
  const agentToken = await users.issue(agent.id, 'api', 'test');
  const as = (who: UserRole) => ({
    authorization: `Bearer ${who === 'admin' ? adminToken : agentToken}`,
  });
  return {
    app,
    core,
    database,
    users,
    adminToken,
    agentToken,
    as,
    call: (method, url, payload, who = 'admin') =>
      app.inject({
        method,
        url: `/api${url}`,
        headers: as(who),
        ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }),
      }),
    clock,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
