import { z } from 'zod';
import { route, type SimRoute } from '../../simulator-kit/sim-server.js';
import type { TelegramSimCore } from './simulator-core.js';
import { find, type SimBot, type SimChat } from './simulator-store.js';
import type { TelegramMessage, TelegramUser } from './update-schema.js';

const botInput = z.strictObject({
  token: z.string().regex(/^\d+:[A-Za-z0-9_-]+$/),
  username: z.string().min(1),
  first_name: z.string().min(1),
});
const userInput = z.strictObject({
  id: z.int().positive().optional(),
  first_name: z.string().min(1),
  last_name: z.string().optional(),
  username: z.string().optional(),
  language_code: z.string().optional(),
});
const sendInput = z.strictObject({
  bot: z.string().optional(),
  text: z.string().min(1).optional(),
  photo: z.strictObject({ caption: z.string().optional() }).optional(),
});
const botRef = z.strictObject({ bot: z.string().optional() }).default({});

/** The people and bots of the simulated Telegram, usable in-process and over `/__sim/telegram/`. */
export class TelegramActors {
  constructor(readonly core: TelegramSimCore) {}

  addBot(input: z.input<typeof botInput>): SimBot {
    const { token, username, first_name } = botInput.parse(input);
    const id = Number(token.split(':')[0]);
    const bot: SimBot = {
      token,
      user: { id, is_bot: true, first_name, username },
      webhook: null,
      allowedUpdates: null,
      updates: [],
      nextUpdateId: this.core.config.firstUpdateId,
    };
    this.core.state.bots.push(bot);
    return bot;
  }

  addUser(input: z.input<typeof userInput>): TelegramUser {
    const parsed = userInput.parse(input);
    const user = {
      ...parsed,
      id: parsed.id ?? 700_000_001 + this.core.state.users.length,
      is_bot: false,
    };
    this.core.state.users.push(user);
    return user;
  }

  /** The person writes to a bot (a `/command` gets its `bot_command` entity); returns the update. */
  send(userId: number, input: z.input<typeof sendInput>) {
    const { bot: ref, text, photo } = sendInput.parse(input);
    const { bot, user, chat } = this.chatOf(userId, ref);
    chat.started = true;
    const message: TelegramMessage = {
      message_id: chat.nextMessageId++,
      from: user,
      chat: {
        id: user.id,
        type: 'private',
        first_name: user.first_name,
        ...(user.username ? { username: user.username } : {}),
      },
      date: Math.floor(this.core.clock.now() / 1000),
      ...(text === undefined ? {} : { text }),
      ...(text?.startsWith('/')
        ? {
            entities: [{ type: 'bot_command', offset: 0, length: text.split(' ')[0]?.length ?? 1 }],
          }
        : {}),
      ...(photo
        ? {
            photo: [
              {
                file_id: `AgAC${chat.nextMessageId}`,
                file_unique_id: `AQAD${chat.nextMessageId}`,
                width: 90,
                height: 90,
                file_size: 1200,
              },
            ],
            ...(photo.caption ? { caption: photo.caption } : {}),
          }
        : {}),
    };
    chat.messages.push({ from: 'user', message });
    return this.core.emit(bot, 'message', message);
  }

  /** The person blocks (or unblocks) the bot: a `my_chat_member` update [K]. */
  setBlocked(userId: number, blocked: boolean, ref?: string) {
    const { bot, user, chat } = this.chatOf(userId, ref);
    const was = chat.blocked ? 'kicked' : 'member';
    chat.blocked = blocked;
    return this.core.emit(bot, 'my_chat_member', {
      chat: { id: user.id, type: 'private', first_name: user.first_name },
      from: user,
      date: Math.floor(this.core.clock.now() / 1000),
      old_chat_member: { user: bot.user, status: was },
      new_chat_member: { user: bot.user, status: blocked ? 'kicked' : 'member' },
    });
  }

  /** Everything said in the chat, oldest first. */
  transcript(
    chatId: number,
    ref?: string,
  ): Array<{ from: 'user' | 'bot'; message_id: number; text: string | null }> {
    const bot = find.bot(this.core.state, ref);
    const chat = bot ? find.chat(this.core.state, bot.user.id, chatId) : undefined;
    return (chat?.messages ?? []).map(({ from, message }) => ({
      from,
      message_id: message.message_id,
      text: message.text ?? message.caption ?? null,
    }));
  }

  private chatOf(
    userId: number,
    ref: string | undefined,
  ): { bot: SimBot; user: TelegramUser; chat: SimChat } {
    const bot = find.bot(this.core.state, ref);
    const user = find.user(this.core.state, userId);
    if (!bot || !user) throw new Error(`no ${bot ? `user ${userId}` : `bot ${ref ?? '(first)'}`}`);
    let chat = find.chat(this.core.state, bot.user.id, userId);
    if (!chat) {
      chat = {
        botId: bot.user.id,
        chatId: userId,
        started: false,
        blocked: false,
        nextMessageId: 1,
        messages: [],
      };
      this.core.state.chats.push(chat);
    }
    return { bot, user, chat };
  }
}

/** The actor routes under `/__sim/telegram/`, resolved at request time (the server starts first). */
export function telegramActorRoutes(get: () => TelegramActors): SimRoute[] {
  const id = (raw: string | undefined) => z.coerce.number().int().parse(raw);
  return [
    route('POST', '/__sim/telegram/config', (r) => ({
      status: 200,
      body: get().core.configure(r.body.value ?? {}),
    })),
    route('POST', '/__sim/telegram/bots', (r) => ({
      status: 201,
      body: get().addBot(r.body.value as never).user,
    })),
    route('POST', '/__sim/telegram/users', (r) => ({
      status: 201,
      body: get().addUser(r.body.value as never),
    })),
    route('POST', '/__sim/telegram/users/:id/send', (r) => ({
      status: 201,
      body: { update: get().send(id(r.params['id']), r.body.value as never) ?? null },
    })),
    route('POST', '/__sim/telegram/users/:id/block', (r) => ({
      status: 200,
      body: {
        update: get().setBlocked(id(r.params['id']), true, botRef.parse(r.body.value).bot) ?? null,
      },
    })),
    route('POST', '/__sim/telegram/users/:id/unblock', (r) => ({
      status: 200,
      body: {
        update: get().setBlocked(id(r.params['id']), false, botRef.parse(r.body.value).bot) ?? null,
      },
    })),
    route('GET', '/__sim/telegram/chats/:id/transcript', (r) => ({
      status: 200,
      body: get().transcript(id(r.params['id']), r.query.get('bot') ?? undefined),
    })),
  ];
}
