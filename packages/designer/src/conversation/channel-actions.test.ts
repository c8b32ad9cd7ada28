import { reclameAqui, webChat, wish } from '@attendflow/nodes/definitions';
import { describe, expect, it } from 'vitest';
import { channelActionsOf, moderationReasonsOf } from './channel-actions';

describe('channel actions', () => {
  it('offers the Wish ticket actions, with the message field where they take one', () => {
    expect(channelActionsOf(wish)).toEqual([
      { action: 'ticket.close', label: 'Close ticket', messageField: null, closes: true },
      {
        action: 'ticket.appeal',
        label: 'Appeal to Wish support',
        messageField: null,
        closes: false,
      },
      { action: 'ticket.reopen', label: 'Re-open ticket', messageField: 'reply', closes: false },
      {
        action: 'ticket.reply-and-resolve',
        label: 'Reply and resolve',
        messageField: 'reply',
        closes: true,
      },
    ]);
  });

  it('keeps moderation for its own form, with the reason codes of the schema', () => {
    expect(channelActionsOf(reclameAqui)).toEqual([]);
    expect(moderationReasonsOf(reclameAqui)).toEqual([1, 4, 5, 7, 15, 16, 17, 19]);
    expect(moderationReasonsOf(webChat)).toBeNull();
  });
});
