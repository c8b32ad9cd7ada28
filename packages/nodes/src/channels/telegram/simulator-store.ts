import type { TelegramMessage, TelegramUpdate, TelegramUser } from './update-schema.js';

/** A bot the simulator knows, with its webhook and the updates waiting for it. */
export interface SimBot {
  token: string;
  user: TelegramUser & { is_bot: true };
  webhook: { url: string; secret?: string; maxConnections: number } | null;
  /** Kinds the bot asked for last (`getUpdates` / `setWebhook`); null: all but a few. */
  allowedUpdates: string[] | null;
  updates: Array<{
    update: TelegramUpdate;
    createdAt: number;
    confirmed: boolean;
    pushId: string | null;
  }>;
  nextUpdateId: number;
}

/** A private chat between a person and a bot, with everything said in it. */
export interface SimChat {
  botId: number;
  chatId: number;
  started: boolean;
  blocked: boolean;
  nextMessageId: number;
  messages: Array<{ from: 'user' | 'bot'; message: TelegramMessage }>;
}

/** The simulator's whole store: plain JSON, so it dumps and loads as a fixture. */
export interface TelegramSimState {
  bots: SimBot[];
  users: TelegramUser[];
  chats: SimChat[];
}

/** An empty store. */
export function emptyTelegramState(): TelegramSimState {
  return { bots: [], users: [], chats: [] };
}

/** Looks things up in a {@link TelegramSimState}. */
export const find = {
  botByToken: (state: TelegramSimState, token: string) => state.bots.find((b) => b.token === token),
  bot: (state: TelegramSimState, ref: string | number | undefined) =>
    ref === undefined
      ? state.bots[0]
      : state.bots.find((b) => b.user.username === ref || b.user.id === Number(ref)),
  user: (state: TelegramSimState, id: number) => state.users.find((u) => u.id === id),
  chat: (state: TelegramSimState, botId: number, chatId: number) =>
    state.chats.find((c) => c.botId === botId && c.chatId === chatId),
};
