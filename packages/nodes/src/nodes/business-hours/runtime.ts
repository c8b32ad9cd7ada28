import { defineNodeRuntime } from '@attendflow/engine';
import { isOpenAt } from '../../shared/business-hours.js';
import { businessHours } from './definition.js';

/** Checks the schedule at the conversation's current time. */
export const businessHoursRuntime = defineNodeRuntime(businessHours, {
  enter: (ctx) => (isOpenAt(ctx.settings.schedule, ctx.now) ? 'open' : 'closed'),
});
