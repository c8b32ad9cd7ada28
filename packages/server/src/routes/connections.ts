import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Core } from '../core.js';
import type { Db } from '../db/database.js';
import { channelConnections, flows } from '../db/schema/index.js';
import { ServerError } from '../services/errors.js';

type Row = typeof channelConnections.$inferSelect;

const connectionView = z.object({
  id: z.string(),
  type: z.string(),
  name: z.string(),
  settings: z.record(z.string(), z.unknown()),
  secretsSet: z.array(z.string()),
  flowId: z.string().nullable(),
  status: z.enum(['active', 'disabled']),
  inboundUrl: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const params = z.object({ id: z.uuid() });
const syncStatusView = z.object({
  status: z
    .object({
      progress: z
        .object({
          pagesDone: z.number(),
          pagesKnown: z.number(),
          itemsImported: z.number(),
          done: z.boolean(),
        })
        .nullable(),
      nextRunAt: z.string(),
      lastRunAt: z.string().nullable(),
      lastError: z.string().nullable(),
      runs: z.number(),
      itemsIngested: z.number(),
    })
    .nullable(),
});
const connectionCheckView = z.object({
  ok: z.boolean(),
  detail: z.string(),
  facts: z.record(z.string(), z.unknown()).optional(),
});
const name = z.string().trim().min(1).max(200);
const settings = z.record(z.string(), z.unknown());

/** Channel connections (admins): settings checked by the channel, secrets sealed and never shown. */
export const connectionRoutes: FastifyPluginAsyncZod<{ core: Core; publicUrl?: string }> = async (
  app,
  { core, publicUrl },
) => {
  // What a host-filled setting (a callback URL, a bot's webhook) points at.
  const hostValues = (request: FastifyRequest, id: string) => ({
    inboundUrl: `${(publicUrl ?? `${request.protocol}://${request.host}`).replace(/\/$/, '')}/api/channels/${id}/inbound`,
  });
  const { db } = core.database;
  const view = (row: Row) => ({
    ...core.connections.view(row),
    inboundUrl: `/api/channels/${row.id}/inbound`,
  });
  const find = async (id: string) => {
    const [row] = await db.select().from(channelConnections).where(eq(channelConnections.id, id));
    if (!row) throw new ServerError('NOT_FOUND', `channel connection ${id} does not exist`);
    return row;
  };
  const update = async (id: string, changes: Partial<typeof channelConnections.$inferInsert>) => {
    const [row] = await db
      .update(channelConnections)
      .set({ ...changes, updatedAt: new Date(core.now()) })
      .where(eq(channelConnections.id, id))
      .returning();
    core.connections.forget(id);
    if (!row) throw new ServerError('NOT_FOUND', `channel connection ${id} does not exist`);
    return view(row);
  };

  // On request, before the body is read: callers who may not be here learn nothing about it.
  app.addHook('onRequest', app.requireAdmin);

  app.post(
    '/connections',
    {
      schema: {
        summary: 'Connect a channel',
        body: z.strictObject({
          type: z.string().min(1),
          name,
          settings,
          flowId: z.uuid().optional(),
        }),
        response: { 201: connectionView },
      },
    },
    async (request, reply) => {
      const { type, flowId } = request.body;
      refuseUnknownSettings(core, type, request.body.settings);
      const id = randomUUID();
      const prepared = core.connections.prepare(
        type,
        request.body.settings,
        undefined,
        hostValues(request, id),
      );
      if (flowId) await assertFlow(db, flowId);
      const at = new Date(core.now());
      const [row] = await db
        .insert(channelConnections)
        .values({
          id,
          type,
          name: request.body.name,
          settings: prepared.settings,
          secrets: core.connections.seal(prepared.secrets),
          flowId: flowId ?? null,
          createdAt: at,
          updatedAt: at,
        })
        .returning();
      if (!row) throw new Error('connection not inserted');
      return reply.status(201).send(view(row));
    },
  );

  app.get(
    '/connections',
    { schema: { summary: 'List channel connections', response: { 200: z.array(connectionView) } } },
    async () =>
      (
        await db
          .select()
          .from(channelConnections)
          .orderBy(asc(channelConnections.createdAt), asc(channelConnections.id))
      ).map(view),
  );

  app.get(
    '/connections/:id',
    { schema: { summary: 'A channel connection', params, response: { 200: connectionView } } },
    async (request) => view(await find(request.params.id)),
  );

  app.patch(
    '/connections/:id',
    {
      schema: {
        summary: 'Change a connection; secrets left out keep their value',
        params,
        body: z.strictObject({
          name: name.optional(),
          settings: settings.optional(),
          flowId: z.uuid().nullable().optional(),
        }),
        response: { 200: connectionView },
      },
    },
    async (request) => {
      const { id } = request.params;
      const { body } = request;
      core.connections.forget(id);
      const previous = await core.connections.load(db, id);
      const changes: Partial<typeof channelConnections.$inferInsert> = {};
      if (body.settings) {
        refuseUnknownSettings(core, previous.row.type, body.settings);
        const prepared = core.connections.prepare(
          previous.row.type,
          body.settings,
          previous,
          hostValues(request, id),
        );
        changes.settings = prepared.settings;
        changes.secrets = core.connections.seal(prepared.secrets);
      }
      if (body.flowId) await assertFlow(db, body.flowId);
      if (body.flowId !== undefined) changes.flowId = body.flowId;
      if (body.name !== undefined) changes.name = body.name;
      return update(id, changes);
    },
  );

  app.post(
    '/connections/test',
    {
      schema: {
        summary:
          'Check unsaved settings against the channel (e.g. to list Reclame Aqui company pages)',
        body: z.strictObject({ type: z.string().min(1), settings }),
        response: { 200: connectionCheckView },
      },
    },
    async (request) => {
      const { type } = request.body;
      refuseUnknownSettings(core, type, request.body.settings);
      const prepared = core.connections.prepare(type, request.body.settings);
      return checkConnection(core, type, { ...prepared.settings, ...prepared.secrets });
    },
  );

  app.post(
    '/connections/:id/test',
    {
      schema: {
        summary: 'Check the connection against its channel (credentials, reachability)',
        params,
        response: { 200: connectionCheckView },
      },
    },
    async (request) => {
      const loaded = await core.connections.load(db, request.params.id);
      return checkConnection(core, loaded.row.type, loaded.settings);
    },
  );

  app.get(
    '/connections/:id/sync',
    {
      schema: {
        summary: 'Where the channel sync stands (first import progress, last run, last error)',
        params,
        response: { 200: syncStatusView },
      },
    },
    async (request) => {
      await find(request.params.id);
      return { status: await core.sync.status(request.params.id) };
    },
  );

  app.post(
    '/connections/:id/sync',
    {
      schema: {
        summary: 'Pull from the channel now instead of at the next interval',
        params,
        response: { 202: z.object({ requested: z.literal(true) }) },
      },
    },
    async (request, reply) => {
      const row = await find(request.params.id);
      if (!core.adapters.get(row.type)?.sync)
        throw new ServerError('VALIDATION_FAILED', `${row.type} connections do not sync`);
      await core.sync.requestSync(row.id);
      core.wakeSync();
      return reply.code(202).send({ requested: true });
    },
  );

  for (const [action, status] of [
    ['disable', 'disabled'],
    ['enable', 'active'],
  ] as const) {
    app.post(
      `/connections/:id/${action}`,
      {
        schema: {
          summary:
            action === 'disable'
              ? 'Stop the connection: its webhook refuses deliveries'
              : 'Start the connection again',
          params,
          response: { 200: connectionView },
        },
      },
      async (request) => update(request.params.id, { status }),
    );
  }
};

/** The adapter's check of `settings`; a failure is an answer, never a 500. */
async function checkConnection(core: Core, type: string, settings: unknown) {
  const adapter = core.adapters.get(type);
  if (!adapter?.testConnection)
    return { ok: false, detail: `no adapter tests ${type} connections yet` };
  try {
    return await adapter.testConnection(settings, AbortSignal.timeout(15_000));
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? error.message : String(error) };
  }
}

/** Channel schemas drop keys they do not know; a typo must not vanish silently. */
function refuseUnknownSettings(core: Core, type: string, input: Record<string, unknown>): void {
  const schema = core.connections.channelOf(type).settings;
  if (!(schema instanceof z.ZodObject)) return;
  const unknown = Object.keys(input).filter((key) => !Object.hasOwn(schema.shape, key));
  if (unknown.length > 0) {
    throw new ServerError(
      'VALIDATION_FAILED',
      unknown.map((key) => `settings.${key}: not a setting of ${type} channels`).join('; '),
      { issues: unknown.map((key) => ({ path: ['settings', key], message: 'unknown setting' })) },
    );
  }
}

async function assertFlow(db: Db, flowId: string): Promise<void> {
  const [flow] = await db.select({ id: flows.id }).from(flows).where(eq(flows.id, flowId));
  if (!flow) throw new ServerError('VALIDATION_FAILED', `flowId: flow ${flowId} does not exist`);
}
