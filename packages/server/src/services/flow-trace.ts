import type { TraceEntry } from '@attendflow/engine';
import type { LiveBus } from './live-bus.js';

/** One applied step, as the flow's live trace shows it. */
export interface TracedStep {
  conversationId: string;
  flowId: string;
  flowVersionId: string;
  seq: number;
  eventType: string;
  trace: readonly TraceEntry[];
}

/** Publishes a step's trace on `flow:<flowId>` (the designer's live view of a flow). */
export function publishFlowTrace(live: LiveBus, step: TracedStep): void {
  live.publish({
    topic: `flow:${step.flowId}`,
    type: 'flow.trace',
    data: {
      flowId: step.flowId,
      flowVersionId: step.flowVersionId,
      conversationId: step.conversationId,
      seq: step.seq,
      event: step.eventType,
      trace: step.trace.map((entry) => ({ ...entry })),
    },
  });
}
