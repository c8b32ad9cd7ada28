import { defineNodeRuntime } from '@attendflow/engine';
import { durationMs } from '../../shared/duration.js';
import { autoReplyDelay } from './definition.js';
import { requestedVisibility } from '../../shared/visibility.js';

const TIMER = 'delay';

/**
 * Arms the delay on entry and re-arms it on each customer message (which also resets the count of
 * auto-replies: a new message is a new question waiting for an answer). Any agent reply, public or
 * private, is the human answer the node waits for.
 */
export const autoReplyDelayRuntime = defineNodeRuntime(autoReplyDelay, {
  enter(ctx) {
    ctx.setState({ sent: 0 });
    ctx.startTimer(TIMER, durationMs(ctx.settings.delay));
    return undefined;
  },
  onEvent(ctx, event) {
    const { settings } = ctx;
    if (event.type === 'agent.reply') return 'answered';
    if (event.type === 'customer.message') {
      ctx.setState({ sent: 0 });
      ctx.startTimer(TIMER, durationMs(settings.delay));
      return undefined;
    }
    if (event.type !== 'timer' || event.name !== TIMER) return undefined;
    // A blocked auto-reply (a channel rule) still counts: retrying it would be blocked again.
    ctx.send({
      text: ctx.render(settings.text),
      visibility: requestedVisibility(settings.visibility),
    });
    const sent = Number(ctx.state.sent ?? 0) + 1;
    ctx.setState({ sent });
    const allowed = settings.repeat === 'every-delay' ? settings.maxRepeats + 1 : 1;
    if (sent < allowed) {
      ctx.startTimer(TIMER, durationMs(settings.delay));
      return undefined;
    }
    return settings.continueAfter === 'timeout' ? 'timeout' : undefined;
  },
});
