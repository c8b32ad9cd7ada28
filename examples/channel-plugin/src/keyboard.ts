import { ui } from '@attendflow/engine';
import { z } from 'zod';

/** Longest text Vibe takes in one message, in characters. */
export const MAX_TEXT_LENGTH = 7000;

/** Name of the channel action that sends a text with reply buttons. */
export const KEYBOARD_ACTION = 'keyboard.send';

/** The payload of {@link KEYBOARD_ACTION}: a question and its reply buttons. */
export const keyboardPayloadSchema = z.strictObject({
  text: ui(
    z
      .string()
      .trim()
      .min(1, 'write the question')
      .max(MAX_TEXT_LENGTH, `Vibe takes at most ${MAX_TEXT_LENGTH} characters`),
    { label: 'Question', widget: 'textarea' },
  ),
  buttons: ui(
    z
      .array(z.string().trim().min(1, 'name the button').max(250, 'at most 250 characters'))
      .min(1, 'add at least one button')
      .max(24, 'Vibe shows at most 24 buttons'),
    { label: 'Buttons', widget: 'list' },
  ),
});

/** {@link keyboardPayloadSchema}'s type. */
export type KeyboardPayload = z.infer<typeof keyboardPayloadSchema>;
