import type { TraceEntry } from '@attendflow/engine';
import type { LiveUpdate } from './live-bus.js';

/** One applied step, as the flow's live trace shows it. */
export interface TracedStep {
  conversationId: string;
  flowId: string;
  flowVersionId: string;
  seq: number;
  eventType: string;
  trace: readonly TraceEntry[];
}

/** A step's trace as published on `flow:<flowId>` (the designer's live view of a flow). */
export function flowTraceUpdate(step: TracedStep): LiveUpdate {
  return {
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
  };
}
