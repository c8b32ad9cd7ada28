import { defineNodeRuntime } from '@attendflow/engine';
import { close } from './definition.js';
import { requestedVisibility } from '../../shared/visibility.js';

/**
 * Sends the closing message (a blocked one is reported and the close goes on), then closes. A
 * refused close (already closed) throws, so the flow follows `error` or stops as failed instead of
 * silently waiting in a node that never waits.
 */
export const closeRuntime = defineNodeRuntime(close, {
  enter(ctx) {
    const { settings } = ctx;
    if (settings.message !== '') {
      ctx.send({
        text: ctx.render(settings.message),
        visibility: requestedVisibility(settings.visibility),
      });
    }
    const outcome = ctx.close(settings.solution === '' ? null : settings.solution);
    if (!outcome.ok) throw new Error(`the attendance could not be closed: ${outcome.reason}`);
    return undefined;
  },
});
