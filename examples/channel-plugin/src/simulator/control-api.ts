import { z } from 'zod';
import { redeliver, sendCallback } from './send-callback.js';
import { resetSimState, takeToken, type SimState, type SimUser } from './sim-state.js';
import type { SimAccount, SimReply } from './vendor-api.js';

const userSchema = z.object({
  id: z.string().min(1),
  name: z.string().default(''),
  country: z.string().default('BR'),
  language: z.string().default('pt'),
  subscribed: z.boolean().default(false),
});
const messageSchema = z.object({
  type: z.string().default('text'),
  text: z.string().optional(),
  media: z.string().optional(),
});
const faultSchema = z.object({
  kind: z.enum(['429', '500', '503', 'timeout', 'status-12']),
  times: z.number().int().positive().default(1),
});

const ok = (json: unknown, status = 200): SimReply => ({ status, json });
const notFound = (what: string): SimReply => ({ status: 404, json: { error: `no ${what}` } });
const invalid = (error: z.ZodError): SimReply => ({
  status: 400,
  json: { error: error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`) },
});

/**
 * The control plane under `/__sim/`: tests and demos play the Vibe users (create, subscribe,
 * write), read the journal and what the bot sent, and switch faults on for `send_message`.
 */
export async function handleControl(
  state: SimState,
  account: SimAccount,
  method: string,
  path: string,
  body: unknown,
): Promise<SimReply> {
  const route = `${method} ${path.replace(/^\/__sim/, '')}`;
  if (route === 'POST /reset') {
    resetSimState(state);
    return ok({ reset: true });
  }
  if (route === 'GET /journal') return ok(state.journal);
  if (route === 'GET /sent') return ok(state.sent);
  if (route === 'POST /faults') {
    const fault = faultSchema.safeParse(body);
    if (!fault.success) return invalid(fault.error);
    state.faults.push(...Array.from({ length: fault.data.times }, () => fault.data.kind));
    return ok({ faults: state.faults });
  }
  if (route === 'POST /users') {
    const user = userSchema.safeParse(body);
    if (!user.success) return invalid(user.error);
    state.users.set(user.data.id, user.data);
    return ok(user.data, 201);
  }
  const redelivery = /^POST \/callbacks\/(\d+)\/redeliver$/.exec(route);
  if (redelivery?.[1]) return ok(await redeliver(state, account.authToken, redelivery[1]));
  const receipt = /^POST \/sent\/(\d+)\/(delivered|seen)$/.exec(route);
  if (receipt?.[1] && receipt[2]) {
    const sent = state.sent.find((message) => message.token === receipt[1]);
    if (!sent) return notFound(`sent message ${receipt[1]}`);
    return ok(
      await sendCallback(state, account.authToken, {
        event: receipt[2],
        timestamp: Date.now(),
        message_token: BigInt(sent.token),
        user_id: sent.receiver,
      }),
    );
  }
  const action = /^POST \/users\/([^/]+)\/(subscribe|unsubscribe|open|messages)$/.exec(route);
  const user = action?.[1] ? state.users.get(decodeURIComponent(action[1])) : undefined;
  if (!action || !user) return action ? notFound(`user ${action[1]}`) : notFound(route);
  return ok(await userAction(state, account, user, action[2] ?? '', body));
}

async function userAction(
  state: SimState,
  account: SimAccount,
  user: SimUser,
  action: string,
  body: unknown,
) {
  const token = takeToken(state);
  const base = { timestamp: Date.now(), message_token: token };
  const profile = { id: user.id, name: user.name, country: user.country, language: user.language };
  switch (action) {
    case 'subscribe':
      user.subscribed = true;
      return sendCallback(state, account.authToken, {
        event: 'subscribed',
        ...base,
        user: profile,
      });
    case 'unsubscribe':
      user.subscribed = false;
      return sendCallback(state, account.authToken, {
        event: 'unsubscribed',
        ...base,
        user_id: user.id,
      });
    case 'open':
      return sendCallback(state, account.authToken, {
        event: 'conversation_started',
        ...base,
        type: 'open',
        user: profile,
        subscribed: user.subscribed,
      });
    default: {
      const message = messageSchema.safeParse(body ?? {});
      if (!message.success) return { sent: false, reason: 'a message needs a text or a media URL' };
      // As on Viber, writing to a bot subscribes the user to it.
      user.subscribed = true;
      const result = await sendCallback(state, account.authToken, {
        event: 'message',
        ...base,
        sender: profile,
        message: message.data,
      });
      return { ...result, message_token: String(token) };
    }
  }
}
