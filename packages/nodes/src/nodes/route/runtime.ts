import { defineNodeRuntime, type ConversationChanges, type NodeContext } from '@attendflow/engine';
import { matchesRules, ruleViewOf } from '../../shared/rules.js';
import { route, type RouteValues } from './definition.js';

/** Applies the fixed values, or the first rule that matches (else `otherwise`), and leaves through its port. */
export const routeRuntime = defineNodeRuntime(route, {
  enter(ctx) {
    const { settings } = ctx;
    if (settings.mode === 'fixed') {
      ctx.update(changesOf(ctx, settings.set));
      return 'next';
    }
    const view = ruleViewOf(ctx);
    const match = settings.rules.find((rule) => matchesRules(rule.when, view));
    ctx.update(changesOf(ctx, match ? match.set : settings.otherwise.set));
    return match ? match.id : 'otherwise';
  },
});

// Values are rendered so a route can copy channel data (`{{metadata.category}}`); what renders
// empty is left alone rather than clearing the field.
function changesOf(ctx: NodeContext<unknown>, values: RouteValues): ConversationChanges {
  const changes: ConversationChanges = {};
  for (const key of ['sector', 'occurrenceType', 'occurrence', 'solution'] as const) {
    const value = values[key] ? ctx.render(values[key]).trim() : '';
    if (value !== '') changes[key] = value;
  }
  return changes;
}
