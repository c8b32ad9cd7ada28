import type { FlowInput } from '@attendflow/engine';
import type { Db } from '../db/database.js';
import { channelConnections, flows, flowVersions } from '../db/schema/index.js';
import type { ConnectionService } from '../services/connections.js';
import { flowNode } from './flow-node.js';
import { inboundToken } from './traffic.js';

/** A flow of built-in nodes for server tests: greet, wait for the customer, hand off, close. */
export function greetingFlow(overrides: { waitMinutes?: number } = {}): FlowInput {
  return {
    schemaVersion: 1,
    name: 'Greeting',
    nodes: [
      flowNode('start', 'trigger', {}, 0),
      flowNode('hello', 'auto-message', { text: 'Olá {{customer.name}}!' }, 200),
      flowNode(
        'wait',
        'wait-for-customer',
        { timeout: { amount: overrides.waitMinutes ?? 60, unit: 'minutes' } },
        400,
      ),
      flowNode('agent', 'human-handoff', { sector: 'SAC' }, 600),
      flowNode('nudge', 'auto-message', { text: 'Ainda está aí?' }, 600),
      flowNode('bye', 'close', { solution: 'answered' }, 800),
    ],
    edges: [
      { id: 'e1', source: 'start', sourcePort: 'next', target: 'hello' },
      { id: 'e2', source: 'hello', sourcePort: 'next', target: 'wait' },
      { id: 'e3', source: 'wait', sourcePort: 'replied', target: 'agent' },
      { id: 'e4', source: 'wait', sourcePort: 'timeout', target: 'nudge' },
      { id: 'e5', source: 'agent', sourcePort: 'answered', target: 'bye' },
    ],
    variables: [],
  };
}

/** Settings of an API-channel connection delivering to `outboundUrl` (tests and benches). */
export function apiSettings(outboundUrl: string, timeoutMs = 1_000): Record<string, unknown> {
  return {
    outboundUrl,
    outboundToken: 'outbound-token-0123456789',
    inboundToken,
    timeoutMs,
  };
}

/** Inserts a flow with one published version and a connection that runs it. */
export async function seedConnection(
  db: Db,
  connections: ConnectionService,
  input: { type: string; settings: Record<string, unknown>; flow?: FlowInput; name?: string },
): Promise<{ connectionId: string; flowId: string; versionId: string }> {
  const document = input.flow ?? greetingFlow();
  const [flow] = await db
    .insert(flows)
    .values({ name: document.name, draft: document })
    .returning();
  if (!flow) throw new Error('flow not inserted');
  const [version] = await db
    .insert(flowVersions)
    .values({ flowId: flow.id, number: 1, document, message: 'first' })
    .returning();
  const { settings, secrets } = connections.prepare(input.type, input.settings);
  const [connection] = await db
    .insert(channelConnections)
    .values({
      type: input.type,
      name: input.name ?? input.type,
      settings,
      secrets: connections.seal(secrets),
      flowId: flow.id,
    })
    .returning();
  if (!version || !connection) throw new Error('seed failed');
  return { connectionId: connection.id, flowId: flow.id, versionId: version.id };
}
