import type { ChannelActionEffect, Customer, MessageEffect } from '@attendflow/engine';

/** A claimed outbox row with what its delivery needs of the conversation. */
export interface OutboxRow {
  id: string;
  conversation_id: string;
  connection_id: string;
  kind: 'message' | 'action';
  message_id: string | null;
  payload: MessageEffect | ChannelActionEffect;
  idempotency_key: string;
  attempts: number;
  external_id: string | null;
  customer: Customer | null;
  subject: string | null;
}
