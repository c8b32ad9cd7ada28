import {
  channelRuleCodes,
  defineNodeRuntime,
  type Json,
  type NodeContext,
  type SettingsOf,
} from '@attendflow/engine';
import { durationMs } from '../../../shared/duration.js';
import { raRequestEvaluation } from './ra-request-evaluation.js';

const TIMER = 'evaluation';

/** Requests the evaluation (or waits for the one an agent already asked for) and routes on it. */
export const raRequestEvaluationRuntime = defineNodeRuntime(raRequestEvaluation, {
  enter(ctx) {
    const outcome = ctx.requestEvaluation();
    if (!outcome.ok && outcome.code !== channelRuleCodes.evaluationAlreadyRequested) {
      ctx.alert(`Evaluation not requested: ${outcome.reason}`, 'warning');
      return 'refused';
    }
    const { evaluation } = ctx.conversation;
    if (!outcome.ok && evaluation !== null) return route(ctx, evaluation);
    ctx.startTimer(TIMER, durationMs(ctx.settings.timeout));
    return undefined;
  },
  onEvent(ctx, event) {
    if (event.type === 'customer.evaluated') return route(ctx, event);
    return event.type === 'timer' && event.name === TIMER ? 'timeout' : undefined;
  },
});

type Ctx = NodeContext<SettingsOf<typeof raRequestEvaluation>>;

function route(ctx: Ctx, evaluation: Readonly<Record<string, Json>>): 'resolved' | 'not-resolved' {
  const { score, wouldDoBusinessAgain, resolved } = evaluation;
  if (ctx.settings.saveGradeTo !== '')
    ctx.setVariable(ctx.settings.saveGradeTo, typeof score === 'number' ? score : null);
  if (ctx.settings.saveDealAgainTo !== '')
    ctx.setVariable(
      ctx.settings.saveDealAgainTo,
      typeof wouldDoBusinessAgain === 'boolean' ? wouldDoBusinessAgain : null,
    );
  return resolved === true ? 'resolved' : 'not-resolved';
}
