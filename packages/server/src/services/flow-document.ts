import {
  flowSchema,
  migrateFlow,
  validateFlow,
  type Flow,
  type FlowIssue,
  type Registry,
} from '@attendflow/engine';
import { z } from 'zod';
import { ServerError } from './errors.js';

/** A {@link FlowIssue}, tagged with the channel type when only that channel's rules raise it. */
export type ChannelFlowIssue = FlowIssue & { channel?: string };

/** The outcome of validating a flow for the channels that run it. */
export interface FlowCheck {
  ok: boolean;
  issues: ChannelFlowIssue[];
  /** The migrated, parsed document (node settings migrated and defaults applied), when it parsed. */
  flow?: Flow;
}

/**
 * Migrates and parses a flow document as a draft: its shape must be right (400 naming each field
 * otherwise), while semantic issues (dangling edges, unknown node types …) are left for validate.
 */
export function parseFlowDocument(raw: unknown, at: readonly (string | number)[]): Flow {
  const migrated = migrateFlow(raw);
  if (!migrated.ok) {
    const isObject = typeof raw === 'object' && raw !== null && !Array.isArray(raw);
    throw invalidFields([
      { path: isObject ? [...at, 'schemaVersion'] : [...at], message: migrated.message },
    ]);
  }
  const parsed = flowSchema.safeParse(migrated.document);
  if (!parsed.success) {
    throw invalidFields(
      parsed.error.issues.map((issue) => ({
        path: [...at, ...issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key))],
        message: issue.message,
      })),
    );
  }
  return parsed.data;
}

/** A document read back from the database; it was parsed on the way in, so a failure is a bug. */
export function readStoredFlow(raw: unknown): Flow {
  const migrated = migrateFlow(raw);
  if (!migrated.ok) throw new Error(`stored flow document is unreadable: ${migrated.message}`);
  return flowSchema.parse(migrated.document);
}

/**
 * A document as it would be published (node settings migrated, defaults applied), so comparing a
 * draft with a version shows what a person changed, not the defaults publishing filled in.
 */
export function normalizeFlow(flow: Flow, registry: Registry): Flow {
  return validateFlow(flow, registry).flow ?? flow;
}

/** A new flow's draft: one entry node, nothing else. */
export function minimalDraft(registry: Registry, name: string): Flow {
  const entry = registry.node(registry.entryTypes()[0] ?? 'trigger');
  const settings = entry?.settings.safeParse({});
  return {
    schemaVersion: 1,
    name,
    nodes: [
      {
        id: 'start',
        type: entry?.type ?? 'trigger',
        typeVersion: entry?.version ?? 1,
        settings: settings?.success ? (settings.data as Record<string, unknown>) : {},
        position: { x: 0, y: 0 },
      },
    ],
    edges: [],
    variables: [],
    notes: [],
  };
}

/**
 * Validates a document without a channel, then for each channel that runs it: issues only a
 * channel raises are tagged with it, so one answer covers every connection.
 */
export function checkFlow(
  document: unknown,
  registry: Registry,
  channels: readonly string[],
): FlowCheck {
  const base = validateFlow(document, registry);
  const issues: ChannelFlowIssue[] = [...base.issues];
  const seen = new Set(base.issues.map((issue) => JSON.stringify(issue)));
  for (const channel of channels) {
    for (const issue of validateFlow(document, registry, channel).issues) {
      if (seen.has(JSON.stringify(issue))) continue;
      issues.push({ ...issue, channel });
    }
  }
  issues.sort((a, b) => Number(a.severity === 'warning') - Number(b.severity === 'warning'));
  return {
    ok: !issues.some((issue) => issue.severity === 'error'),
    issues,
    ...(base.flow ? { flow: base.flow } : {}),
  };
}

/** The error a publish answers when the flow has errors: 400 with every issue. */
export function flowInvalid(issues: readonly ChannelFlowIssue[]): ServerError {
  const errors = issues.filter((issue) => issue.severity === 'error');
  const listed = errors
    .slice(0, 5)
    .map((issue) => `${issue.code}${issue.channel ? ` (${issue.channel})` : ''}: ${issue.message}`);
  const more = errors.length > 5 ? `; and ${errors.length - 5} more` : '';
  return new ServerError(
    'FLOW_INVALID',
    `the flow has ${errors.length} error(s): ${listed.join('; ')}${more}`,
    { issues },
  );
}

const envelopeSchema = z.strictObject({
  attendflowExport: z.literal(1),
  name: z.string().trim().min(1).max(200).optional(),
  exportedAt: z.string().optional(),
  document: z.record(z.string(), z.unknown()),
});

/** An import body: an export envelope (its `name` names the flow) or a bare flow document. */
export function parseImport(body: Record<string, unknown>): Flow {
  if (!('attendflowExport' in body)) return parseFlowDocument(body, []);
  const envelope = envelopeSchema.safeParse(body);
  if (!envelope.success) {
    throw invalidFields(
      envelope.error.issues.map((issue) => ({
        path: issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key)),
        message: issue.message,
      })),
    );
  }
  const flow = parseFlowDocument(envelope.data.document, ['document']);
  return envelope.data.name ? { ...flow, name: envelope.data.name } : flow;
}

function invalidFields(issues: Array<{ path: (string | number)[]; message: string }>): ServerError {
  const text = issues.map((issue) => `${formatPath(issue.path) || 'body'}: ${issue.message}`);
  return new ServerError('VALIDATION_FAILED', text.join('; '), { issues });
}

function formatPath(path: readonly (string | number)[]): string {
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : index === 0 ? key : `.${key}`))
    .join('');
}
