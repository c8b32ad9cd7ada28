import { channelRuleCodes, defineNodeRuntime, type Json, type NodeEvent } from '@attendflow/engine';
import { durationMs } from '../../shared/duration.js';
import { requestEvaluation } from './definition.js';

const TIMER = 'timeout';

/**
 * Requests the evaluation on entry. A channel refusal leaves through `refused` with an alert to
 * agents, except when the evaluation was already requested (by an agent): then the node waits for
 * it like for its own, or leaves at once when it has already come.
 */
export const requestEvaluationRuntime = defineNodeRuntime(requestEvaluation, {
  enter(ctx) {
    const outcome = ctx.requestEvaluation();
    if (!outcome.ok && outcome.code !== channelRuleCodes.evaluationAlreadyRequested) {
      ctx.alert(`Evaluation not requested: ${outcome.reason}`, 'warning');
      return 'refused';
    }
    const { evaluation } = ctx.conversation;
    if (!outcome.ok && evaluation !== null) {
      if (ctx.settings.saveTo !== '') ctx.setVariable(ctx.settings.saveTo, scoreOf(evaluation));
      return 'evaluated';
    }
    ctx.startTimer(TIMER, durationMs(ctx.settings.timeout));
    return undefined;
  },
  onEvent(ctx, event) {
    if (event.type === 'customer.evaluated') {
      if (ctx.settings.saveTo !== '') ctx.setVariable(ctx.settings.saveTo, scoreOf(event));
      return 'evaluated';
    }
    return event.type === 'timer' && event.name === TIMER ? 'timeout' : undefined;
  },
});

type Evaluation =
  Extract<NodeEvent, { type: 'customer.evaluated' }> | Readonly<Record<string, Json>>;

/** The score when the channel gives one, else the good/bad rating, else nothing. */
function scoreOf(evaluation: Evaluation): Json {
  const { score, rating } = evaluation as { score?: unknown; rating?: unknown };
  if (typeof score === 'number') return score;
  return typeof rating === 'string' ? rating : null;
}
