import { runFlow, type FlowRun } from '@attendflow/engine/testing';
import type { Registry } from '@attendflow/engine';
import { loadExample, type Example } from './examples.js';

/** Runs an example flow through its demo script. */
export function playScript(example: Example, registry: Registry): FlowRun {
  return runFlow(loadExample(example), example.script, {
    registry,
    channel: example.channel,
    start: example.start,
    startAt: example.startAt,
  });
}
