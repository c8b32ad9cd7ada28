import { defineNode, defineNodeRuntime } from '@attendflow/engine';
import { z } from 'zod';

/** A test-only node that sets conversation fields, so tests need not depend on the route node. */
export const setFields = defineNode({
  type: 'test-set-fields',
  version: 1,
  label: 'Set fields (test)',
  category: 'logic',
  icon: 'test',
  waits: false,
  ports: ['next'],
  settings: z.object({ sector: z.string().optional(), solution: z.string().optional() }),
});

/** Runtime of {@link setFields}. */
export const setFieldsRuntime = defineNodeRuntime(setFields, {
  enter(ctx) {
    ctx.update(ctx.settings);
    return 'next';
  },
});
