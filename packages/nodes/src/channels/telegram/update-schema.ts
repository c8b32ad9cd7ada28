import { z } from 'zod';

/** A Telegram `User`, as far as we read it (channel-apis.md §3.3). */
export const telegramUserSchema = z.object({
  id: z.number().int(),
  is_bot: z.boolean(),
  first_name: z.string(),
  last_name: z.string().optional(),
  username: z.string().optional(),
  language_code: z.string().optional(),
});

/** A Telegram `Chat`. */
export const telegramChatSchema = z.object({
  id: z.number().int(),
  type: z.enum(['private', 'group', 'supergroup', 'channel']),
  title: z.string().optional(),
  username: z.string().optional(),
  first_name: z.string().optional(),
  last_name: z.string().optional(),
});

const photoSizeSchema = z.object({
  file_id: z.string(),
  file_unique_id: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  file_size: z.number().int().optional(),
});

/** A Telegram `Message`; unknown fields pass through untouched. */
export const telegramMessageSchema = z.looseObject({
  message_id: z.number().int(),
  from: telegramUserSchema.optional(),
  chat: telegramChatSchema,
  date: z.number().int(),
  text: z.string().optional(),
  caption: z.string().optional(),
  entities: z
    .array(z.looseObject({ type: z.string(), offset: z.number().int(), length: z.number().int() }))
    .optional(),
  photo: z.array(photoSizeSchema).optional(),
  document: z
    .looseObject({
      file_id: z.string(),
      file_unique_id: z.string(),
      file_name: z.string().optional(),
      mime_type: z.string().optional(),
      file_size: z.number().int().optional(),
    })
    .optional(),
});

/** A Telegram `Update`: an id and at most one of many kinds; we read only `message`. */
export const telegramUpdateSchema = z.looseObject({
  update_id: z.number().int().nonnegative(),
  message: telegramMessageSchema.optional(),
});

/** {@link telegramUpdateSchema}'s type. */
export type TelegramUpdate = z.infer<typeof telegramUpdateSchema>;
/** {@link telegramMessageSchema}'s type. */
export type TelegramMessage = z.infer<typeof telegramMessageSchema>;
/** {@link telegramUserSchema}'s type. */
export type TelegramUser = z.infer<typeof telegramUserSchema>;
