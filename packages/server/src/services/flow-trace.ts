import type { TraceEntry } from '@attendflow/engine';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { flowVersions } from '../db/schema/index.js';
import type { LiveBus } from './live-bus.js';

// Published versions never change flow, so version → flow is cached for the life of the process.
const flowOfVersion = new Map<string, string>();
const cacheLimit = 1_000;

/** One applied step, as the flow's live trace shows it. */
export interface TracedStep {
  conversationId: string;
  flowVersionId: string;
  seq: number;
  eventType: string;
  trace: readonly TraceEntry[];
}

/**
 * Publishes a step's trace on `flow:<flowId>` (the designer's live view of a flow). Fire and
 * forget: the flow id is looked up once per version, and a failed lookup only loses the trace.
 */
export function publishFlowTrace(db: Db, live: LiveBus, step: TracedStep): void {
  const publish = (flowId: string) =>
    live.publish({
      topic: `flow:${flowId}`,
      type: 'flow.trace',
      data: {
        flowId,
        flowVersionId: step.flowVersionId,
        conversationId: step.conversationId,
        seq: step.seq,
        event: step.eventType,
        trace: step.trace.map((entry) => ({ ...entry })),
      },
    });
  const known = flowOfVersion.get(step.flowVersionId);
  if (known) return publish(known);
  void db
    .select({ flowId: flowVersions.flowId })
    .from(flowVersions)
    .where(eq(flowVersions.id, step.flowVersionId))
    .then(([row]) => {
      if (!row) return;
      if (flowOfVersion.size >= cacheLimit) flowOfVersion.clear();
      flowOfVersion.set(step.flowVersionId, row.flowId);
      publish(row.flowId);
    })
    .catch(() => undefined);
}
