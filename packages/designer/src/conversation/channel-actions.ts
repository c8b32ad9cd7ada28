import { settingsJsonSchema, type ChannelDefinition } from '@attendflow/engine';

/** An agent action of a channel the console offers as a button (with a message when it takes one). */
export interface ChannelActionButton {
  action: string;
  label: string;
  /** The payload field holding a message to the customer, if the action takes one. */
  messageField: string | null;
  closes: boolean;
}

/** Actions with a form of their own (moderation) are not plain buttons. */
const ownForms = new Set(['moderation.request']);

/** The channel's agent actions, read from its definition: labels, message field, whether it closes. */
export function channelActionsOf(channel: ChannelDefinition | undefined): ChannelActionButton[] {
  if (!channel) return [];
  return Object.entries(channel.actions)
    .filter(([action, definition]) => definition.by !== 'bot' && !ownForms.has(action))
    .map(([action, definition]) => {
      const schema = settingsJsonSchema(definition.payload) as {
        properties?: Record<string, { widget?: string; type?: string }>;
      };
      const messageField =
        Object.entries(schema.properties ?? {}).find(([, field]) => field.type === 'string')?.[0] ??
        null;
      return {
        action,
        label: definition.label,
        messageField,
        closes: definition.closes === true,
      };
    });
}

/** The moderation reason codes a channel takes, from its `moderation.request` payload schema. */
export function moderationReasonsOf(channel: ChannelDefinition | undefined): number[] | null {
  const action = channel?.actions['moderation.request'];
  if (!action) return null;
  const schema = settingsJsonSchema(action.payload) as {
    properties?: { reason?: { enum?: unknown[] } };
  };
  return (schema.properties?.reason?.enum ?? []).filter((v): v is number => typeof v === 'number');
}
