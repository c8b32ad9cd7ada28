import { defineNodeRuntime } from '@attendflow/engine';
import { KEYBOARD_ACTION } from '../../keyboard.js';
import { sendKeyboard } from './definition.js';

const TIMER = 'timeout';

/**
 * Sends the keyboard as a channel action (the adapter renders it) and waits: a tap on a button
 * leaves through `picked`, other text through `other`, and an unsubscribe through `unsubscribed`,
 * because nothing can be sent to that customer any more.
 */
export const sendKeyboardRuntime = defineNodeRuntime(sendKeyboard, {
  enter(ctx) {
    const outcome = ctx.channelAction(KEYBOARD_ACTION, {
      text: ctx.render(ctx.settings.text),
      buttons: ctx.settings.buttons,
    });
    // A refusal (closed conversation, rendered text too long) is a failure the flow may route.
    if (!outcome.ok) throw new Error(`${outcome.reason} [${outcome.code}]`);
    ctx.startTimer(TIMER, ctx.settings.timeoutMinutes * 60_000);
    return undefined;
  },
  onEvent(ctx, event) {
    if (event.type === 'channel.unsubscribed') return 'unsubscribed';
    if (event.type === 'timer') return event.name === TIMER ? 'timeout' : undefined;
    if (event.type !== 'customer.message') return undefined;
    const picked = ctx.settings.buttons.find(
      (button) => button.toLowerCase() === event.text.trim().toLowerCase(),
    );
    if (ctx.settings.saveTo !== '') ctx.setVariable(ctx.settings.saveTo, picked ?? event.text);
    return picked === undefined ? 'other' : 'picked';
  },
});
