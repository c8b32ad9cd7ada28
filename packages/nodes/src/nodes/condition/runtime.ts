import { defineNodeRuntime } from '@attendflow/engine';
import { matchesRules, ruleViewOf } from '../../shared/rules.js';
import { condition } from './definition.js';

/** Evaluates the rules once, on entry. */
export const conditionRuntime = defineNodeRuntime(condition, {
  enter: (ctx) => (matchesRules(ctx.settings, ruleViewOf(ctx)) ? 'yes' : 'no'),
});
