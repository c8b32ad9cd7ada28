import { defineNodeRuntime } from '@attendflow/engine';
import { durationMs } from '../../shared/duration.js';
import { humanHandoff } from './definition.js';

const TIMER = 'timeout';

/**
 * Hands the conversation to the sector's queue and leaves on the agent's answer. A private reply
 * on a public/private channel is kept as a note to the customer and the node goes on waiting.
 */
export const humanHandoffRuntime = defineNodeRuntime(humanHandoff, {
  enter(ctx) {
    const { settings } = ctx;
    // On a channel whose public answers are used up (Reclame Aqui's single one), there is no
    // answer left to wait for.
    const max = ctx.channel.policies.publicAnswer?.max;
    if (
      settings.requirePublicAnswer &&
      max !== undefined &&
      ctx.conversation.publicAnswers >= max
    ) {
      return 'answered';
    }
    ctx.handoff(settings.sector === '' ? ctx.conversation.sector : settings.sector);
    if (settings.timeout !== null) ctx.startTimer(TIMER, durationMs(settings.timeout));
    return undefined;
  },
  onEvent(ctx, event) {
    const { settings } = ctx;
    if (event.type === 'agent.reply') {
      const hasPrivate = ctx.channel.policies.visibilities.includes('private');
      const isAnswer =
        !settings.requirePublicAnswer || !hasPrivate || event.visibility === 'public';
      return isAnswer ? 'answered' : undefined;
    }
    if (event.type === 'timer' && event.name === TIMER) {
      if (settings.timeoutAlert !== '') ctx.alert(ctx.render(settings.timeoutAlert), 'warning');
      return 'timeout';
    }
    return undefined;
  },
});
