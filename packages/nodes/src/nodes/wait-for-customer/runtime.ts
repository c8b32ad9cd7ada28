import { defineNodeRuntime } from '@attendflow/engine';
import { durationMs } from '../../shared/duration.js';
import { waitForCustomer } from './definition.js';

const TIMER = 'timeout';

/** Leaves through `replied` on the customer's next message, or through `timeout`. */
export const waitForCustomerRuntime = defineNodeRuntime(waitForCustomer, {
  enter(ctx) {
    ctx.startTimer(TIMER, durationMs(ctx.settings.timeout));
    return undefined;
  },
  onEvent(ctx, event) {
    if (event.type === 'customer.message') {
      if (ctx.settings.saveTo !== '') ctx.setVariable(ctx.settings.saveTo, event.text);
      return 'replied';
    }
    return event.type === 'timer' && event.name === TIMER ? 'timeout' : undefined;
  },
});
