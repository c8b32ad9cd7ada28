import { defineNodeRuntime } from '@attendflow/engine';
import { trigger } from './definition.js';

/** Leaves at once: the conversation's data is already in place when the flow starts. */
export const triggerRuntime = defineNodeRuntime(trigger, {
  enter: () => 'next',
});
