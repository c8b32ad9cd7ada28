import type { ConversationEventInput, ConversationSnapshot, Engine } from '@attendflow/engine';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { conversations } from '../db/schema/index.js';
import { ServerError } from './errors.js';
import type { FlowVersionCache } from './flow-versions.js';

/** Whether an agent action would be accepted now, and if not, the channel rule that refuses it. */
export interface AgentOption {
  allowed: boolean;
  code: string | null;
  message: string | null;
}

/** What an agent may do on a conversation right now, as the engine itself decides it. */
export interface AgentOptions {
  reply: { public: AgentOption; private: AgentOption };
  requestEvaluation: AgentOption;
  transfer: AgentOption;
  close: AgentOption;
}

/**
 * Asks the engine, without applying anything, which agent actions it would accept on the
 * conversation's stored snapshot: the console's composer and buttons follow the very rules the
 * server enforces, with no second copy of them (a step is pure, so a trial step writes nothing).
 */
export async function agentOptions(
  deps: { db: Db; engine: Engine; versions: FlowVersionCache; now: () => number },
  conversationId: string,
  agentId: string,
): Promise<AgentOptions> {
  const [row] = await deps.db
    .select({ snapshot: conversations.snapshot, flowVersionId: conversations.flowVersionId })
    .from(conversations)
    .where(eq(conversations.id, conversationId));
  if (!row) throw new ServerError('NOT_FOUND', `conversation ${conversationId} does not exist`);
  const version = await deps.versions.get(deps.db, row.flowVersionId);
  const snapshot = row.snapshot as ConversationSnapshot | null;
  const now = deps.now();
  const trial = (event: ConversationEventInput): AgentOption => {
    try {
      const { rejection } = deps.engine.step(version, snapshot, event, now);
      return rejection
        ? { allowed: false, code: rejection.code, message: rejection.message }
        : { allowed: true, code: null, message: null };
    } catch (error) {
      return {
        allowed: false,
        code: 'ENGINE_ERROR',
        message: error instanceof Error ? error.message : String(error),
      };
    }
  };
  const reply = (visibility: 'public' | 'private') =>
    trial({ type: 'agent.reply', agentId, text: '·', visibility, attachments: [] });
  return {
    reply: { public: reply('public'), private: reply('private') },
    requestEvaluation: trial({ type: 'agent.requested-evaluation', agentId }),
    transfer: trial({ type: 'agent.transferred', agentId, sector: '·' }),
    close: trial({ type: 'agent.closed', agentId }),
  };
}
