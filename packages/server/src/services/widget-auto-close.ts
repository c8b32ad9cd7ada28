import type { Core } from '../core.js';
import { loadWidgetConnection } from './widget-connection.js';

const unitMs = { hours: 3_600_000, days: 86_400_000 } as const;

/** The solution code of a web chat closed for silence. */
export const autoClosedSolution = 'auto-closed';

/**
 * Closes web chats silent for longer than their connection's `autoCloseAfter` (no message either
 * way since): dispatches `agent.closed` by `system` with the solution `auto-closed`. Run it
 * periodically (and the widget runs it for a session's chat when the visitor comes back);
 * `conversationId` limits it to one chat. Returns how many chats it closed.
 */
export async function closeSilentChats(
  core: Core,
  scope: { conversationId?: string } = {},
): Promise<number> {
  const candidates = await core.database.rows<{ connection_id: string }>(
    `select distinct c.id::text as connection_id from channel_connections c
     join conversations v on v.connection_id = c.id
     where c.type = 'web-chat' and c.status = 'active' and v.status <> 'closed'
       ${scope.conversationId ? 'and v.id = $1::uuid' : ''}`,
    scope.conversationId ? [scope.conversationId] : [],
  );
  let closed = 0;
  for (const { connection_id: connectionId } of candidates) {
    const connection = await loadWidgetConnection(core, connectionId);
    const after = connection?.settings.autoCloseAfter;
    if (!after) continue;
    const cutoff = new Date(core.now() - after.amount * unitMs[after.unit]).toISOString();
    const silent = await core.database.rows<{ id: string }>(
      `select v.id::text as id from conversations v
       where v.connection_id = $1::uuid and v.status <> 'closed' and v.snapshot is not null
         and coalesce(
           (select max(m.created_at) from messages m where m.conversation_id = v.id),
           v.created_at) < $2::timestamptz
         ${scope.conversationId ? 'and v.id = $3::uuid' : ''}
       order by v.id limit 500`,
      scope.conversationId ? [connectionId, cutoff, scope.conversationId] : [connectionId, cutoff],
    );
    for (const { id } of silent) {
      const outcome = await core.runtime.dispatch(
        id,
        { type: 'agent.closed', agentId: 'system', solution: autoClosedSolution },
        { actor: 'system' },
      );
      if (outcome.status === 'applied') closed += 1;
    }
  }
  return closed;
}
