import type { ConversationDetail } from '../api/conversations-api';

/** The names agents took the conversation under (the `agent.took` events), by agent id. */
export function agentNamesOf(detail: Pick<ConversationDetail, 'events'>): Map<string, string> {
  const names = new Map<string, string>();
  for (const event of detail.events) {
    const { agentId, agentName } = event.payload;
    if (event.type === 'agent.took' && typeof agentId === 'string' && typeof agentName === 'string')
      names.set(agentId, agentName);
  }
  return names;
}
