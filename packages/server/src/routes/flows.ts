import { flowSchema } from '@attendflow/engine';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Core } from '../core.js';
import { callerOf } from '../plugins/auth.js';
import { flowDiffSchema } from '../services/flow-diff.js';
import { FlowService } from '../services/flow-service.js';

const params = z.object({ id: z.string().uuid() });
const versionNumber = z.coerce.number().int().positive();
const flowRef = z.union([z.literal('draft'), versionNumber]);
const flowRefOut = z.union([z.literal('draft'), z.number().int()]);
const revision = z.number().int().positive();
const timestamp = z.string();

const flowIssue = z.object({
  severity: z.enum(['error', 'warning']),
  code: z.string(),
  message: z.string(),
  /** The values `message` interpolates, for clients that word issues in their own language. */
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  nodeId: z.string().optional(),
  edgeId: z.string().optional(),
  path: z.array(z.union([z.string(), z.number()])).optional(),
  /** Set when only this channel's rules raise the issue. */
  channel: z.string().optional(),
});

const versionSummary = z.object({
  id: z.string(),
  number: z.number().int(),
  message: z.string(),
  author: z.object({ id: z.string(), name: z.string() }).nullable(),
  createdAt: timestamp,
});

const flowView = z.object({
  id: z.string(),
  name: z.string(),
  revision,
  draft: flowSchema,
  versions: z.number().int(),
  latestVersion: z.number().int().nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
  updatedBy: z.string().nullable(),
});

const exportEnvelope = z.object({
  attendflowExport: z.literal(1),
  name: z.string(),
  exportedAt: timestamp,
  document: flowSchema,
});

const document = z
  .record(z.string(), z.unknown())
  .describe('A flow document; older schema versions are migrated');

/** Flows (admins only): drafts with revision checks, validate, publish, versions, diff, export, import, roll back. */
export const flowRoutes: FastifyPluginAsyncZod<{ core: Core }> = async (app, { core }) => {
  const flows = new FlowService({
    db: core.database.db,
    registry: core.registry,
    now: core.now,
  });
  // Checked on request, before the body is read: an agent learns nothing about a flow's shape.
  app.addHook('onRequest', app.requireAdmin);

  app.post(
    '/flows',
    {
      schema: {
        summary: 'Create a flow; its draft is the given document or a lone trigger',
        body: z.strictObject({
          name: z.string().trim().min(1).max(200),
          document: document.optional(),
        }),
        response: { 201: flowView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await flows.create(request.body, callerOf(request).userId)),
  );

  app.get(
    '/flows',
    {
      schema: {
        summary: 'List flows with their latest published version',
        response: {
          200: z.array(
            z.object({
              id: z.string(),
              name: z.string(),
              revision,
              latestVersion: z.number().int().nullable(),
              updatedAt: timestamp,
            }),
          ),
        },
      },
    },
    () => flows.list(),
  );

  app.get(
    '/flows/:id',
    { schema: { summary: 'A flow with its draft', params, response: { 200: flowView } } },
    (request) => flows.get(request.params.id),
  );

  app.put(
    '/flows/:id/draft',
    {
      schema: {
        summary: 'Save the draft; `revision` must be the one you loaded (409 otherwise)',
        params,
        body: z.strictObject({ document, revision }),
        response: { 200: flowView },
      },
    },
    (request) => flows.saveDraft(request.params.id, request.body, callerOf(request).userId),
  );

  app.post(
    '/flows/:id/validate',
    {
      schema: {
        summary:
          'Validate the draft (or a given document) for a channel or the connections running the flow',
        params,
        body: z
          .strictObject({ channel: z.string().min(1).optional(), document: document.optional() })
          .nullish(),
        response: {
          200: z.object({
            ok: z.boolean(),
            issues: z.array(flowIssue),
            channels: z.array(z.string()),
          }),
        },
      },
    },
    (request) => flows.validate(request.params.id, request.body ?? {}),
  );

  app.post(
    '/flows/:id/publish',
    {
      schema: {
        summary:
          'Publish the draft as a new version; refused (400 FLOW_INVALID) when it has errors',
        params,
        body: z.strictObject({
          message: z.string().trim().min(1).max(1000),
          revision: revision.optional(),
        }),
        response: { 201: z.object({ version: versionSummary, issues: z.array(flowIssue) }) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await flows.publish(request.params.id, request.body, callerOf(request).userId)),
  );

  app.post(
    '/flows/:id/rollback',
    {
      schema: {
        summary: 'Publish an old version again as a new version, and make it the draft',
        params,
        body: z.strictObject({
          number: z.number().int().positive(),
          message: z.string().trim().min(1).max(1000).optional(),
          revision: revision.optional(),
        }),
        response: {
          201: z.object({ version: versionSummary, revision, issues: z.array(flowIssue) }),
        },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await flows.rollback(request.params.id, request.body, callerOf(request).userId)),
  );

  app.get(
    '/flows/:id/versions',
    {
      schema: {
        summary: 'Published versions, newest first',
        params,
        response: { 200: z.array(versionSummary) },
      },
    },
    (request) => flows.versions(request.params.id),
  );

  app.get(
    '/flows/:id/versions/:number',
    {
      schema: {
        summary: 'One published version with its document',
        params: params.extend({ number: versionNumber }),
        response: { 200: versionSummary.extend({ document: flowSchema }) },
      },
    },
    (request) => flows.version(request.params.id, request.params.number),
  );

  app.get(
    '/flows/:id/diff',
    {
      schema: {
        summary: 'What changed between two versions (or a version and the draft)',
        params,
        querystring: z.strictObject({ from: flowRef, to: flowRef }),
        response: { 200: flowDiffSchema.extend({ from: flowRefOut, to: flowRefOut }) },
      },
    },
    (request) => flows.diff(request.params.id, request.query.from, request.query.to),
  );

  app.get(
    '/flows/:id/export',
    {
      schema: {
        summary: 'Export a version or the draft (default) as a file POST /flows/import takes back',
        params,
        querystring: z.strictObject({ version: flowRef.default('draft') }),
        response: { 200: exportEnvelope },
      },
    },
    async (request, reply) => {
      const envelope = await flows.exportFlow(request.params.id, request.query.version);
      const file = envelope.name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '');
      return reply
        .header('content-disposition', `attachment; filename="${file || 'flow'}.flow.json"`)
        .send(envelope);
    },
  );

  app.post(
    '/flows/import',
    {
      schema: {
        summary: 'Import an export envelope or a bare flow document as a new flow (draft)',
        body: z
          .record(z.string(), z.unknown())
          .describe('{ attendflowExport: 1, name?, document } or a flow document'),
        response: { 201: flowView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await flows.importFlow(request.body, callerOf(request).userId)),
  );
};
