import { defineNodeRuntime } from '@attendflow/engine';
import { durationMs } from '../../../shared/duration.js';
import { raRequestModeration } from './ra-request-moderation.js';

const TIMER = 'decision';

/** Sends the moderation request on entry and waits for the `channel.moderation.decided` event. */
export const raRequestModerationRuntime = defineNodeRuntime(raRequestModeration, {
  enter(ctx) {
    const { reason, migrateTo } = ctx.settings;
    const outcome = ctx.channelAction('moderation.request', {
      reason: Number(reason),
      message: ctx.render(ctx.settings.message),
      ...(migrateTo === '' ? {} : { migrateTo }),
      attachments: [],
    });
    if (!outcome.ok) {
      ctx.alert(`Moderation not requested: ${outcome.reason}`, 'warning');
      return 'refused';
    }
    ctx.startTimer(TIMER, durationMs(ctx.settings.timeout));
    return undefined;
  },
  onEvent(ctx, event) {
    if (event.type === 'channel.moderation.decided')
      return event.payload['accepted'] === true ? 'accepted' : 'denied';
    return event.type === 'timer' && event.name === TIMER ? 'timeout' : undefined;
  },
});
