import { defineNodeRuntime } from '@attendflow/engine';
import { setVariable } from './definition.js';

/** Sets each variable in turn, so later templates can use earlier results. */
export const setVariableRuntime = defineNodeRuntime(setVariable, {
  enter(ctx) {
    for (const assignment of ctx.settings.assignments) {
      ctx.setVariable(
        assignment.name,
        assignment.source === 'value' ? assignment.value : ctx.render(assignment.template),
      );
    }
    return 'next';
  },
});
