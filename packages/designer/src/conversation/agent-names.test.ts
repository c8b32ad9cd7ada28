import { describe, expect, it } from 'vitest';
import { agentNamesOf } from './agent-names';

describe('agent names', () => {
  it('reads who took the conversation from the log', () => {
    const event = (type: string, payload: Record<string, unknown>) => ({
      seq: 1,
      type,
      actor: null,
      payload,
      trace: [],
      effects: [],
      createdAt: '',
    });
    const names = agentNamesOf({
      events: [
        event('agent.took', { agentId: 'u1', agentName: 'Bia' }),
        event('agent.reply', { agentId: 'u1', text: 'x' }),
        event('agent.took', { agentId: 'u2' }),
      ],
    });
    expect([...names]).toEqual([['u1', 'Bia']]);
  });
});
