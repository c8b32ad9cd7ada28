import { defineNodeRuntime } from '@attendflow/engine';
import { durationMs } from '../../shared/duration.js';
import { deadlineReminder } from './definition.js';

const REMIND = 'remind';
const DEADLINE = 'deadline';

/**
 * Arms the reminder and the deadline from the conversation's `answerDueAt` (set by the engine from
 * the channel's policy), so both survive restarts as durable timers and follow a new round when
 * the customer writes after an answer.
 */
export const deadlineReminderRuntime = defineNodeRuntime(deadlineReminder, {
  enter(ctx) {
    const { settings, conversation } = ctx;
    // Nothing to answer: the company spoke last.
    if (conversation.awaiting === 'customer') return 'answered';
    ctx.handoff(settings.sector === '' ? conversation.sector : settings.sector);
    const dueAt =
      conversation.answerDueAt ??
      (settings.fallbackDeadline === null ? null : ctx.now + durationMs(settings.fallbackDeadline));
    if (dueAt === null) return undefined;
    if (dueAt <= ctx.now) {
      ctx.alert(ctx.render(settings.lateAlert), 'error');
      return 'late';
    }
    const remindAt = dueAt - durationMs(settings.remindBefore);
    if (remindAt > ctx.now) ctx.startTimer(REMIND, remindAt - ctx.now);
    else ctx.alert(ctx.render(settings.reminderAlert), 'warning');
    ctx.startTimer(DEADLINE, dueAt - ctx.now);
    return undefined;
  },
  onEvent(ctx, event) {
    if (event.type === 'agent.reply') {
      const hasPrivate = ctx.channel.policies.visibilities.includes('private');
      return !hasPrivate || event.visibility === 'public' ? 'answered' : undefined;
    }
    if (event.type !== 'timer') return undefined;
    if (event.name === REMIND) {
      ctx.alert(ctx.render(ctx.settings.reminderAlert), 'warning');
      return undefined;
    }
    if (event.name === DEADLINE) {
      ctx.alert(ctx.render(ctx.settings.lateAlert), 'error');
      return 'late';
    }
    return undefined;
  },
});
