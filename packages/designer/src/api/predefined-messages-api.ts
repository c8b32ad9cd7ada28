import type { ApiClient } from './api-client';

/** A predefined message as admins keep it; a null sector or channel means any. */
export interface PredefinedMessage {
  id: string;
  title: string;
  /** As written, `{{…}}` placeholders included. */
  text: string;
  sector: string | null;
  channel: string | null;
  createdAt: string;
  updatedAt: string;
}

/** What an admin writes. */
export interface PredefinedMessageInput {
  title: string;
  text: string;
  sector: string | null;
  channel: string | null;
}

/** One of the messages offered for a conversation, filled from it. */
export interface OfferedMessage {
  id: string;
  title: string;
  text: string;
  /** What the composer inserts. */
  rendered: string;
  sector: string | null;
  channel: string | null;
}

/** The predefined-message endpoints, typed: admins manage them, agents read a conversation's. */
export const predefinedMessagesApi = {
  list: (api: ApiClient) => api.request<PredefinedMessage[]>('GET', '/predefined-messages'),
  create: (api: ApiClient, body: PredefinedMessageInput) =>
    api.request<PredefinedMessage>('POST', '/predefined-messages', body),
  update: (api: ApiClient, id: string, body: Partial<PredefinedMessageInput>) =>
    api.request<PredefinedMessage>('PATCH', `/predefined-messages/${id}`, body),
  remove: (api: ApiClient, id: string) =>
    api.request<undefined>('DELETE', `/predefined-messages/${id}`),
  forConversation: (api: ApiClient, conversationId: string) =>
    api.request<{ items: OfferedMessage[] }>(
      'GET',
      `/conversations/${conversationId}/predefined-messages`,
    ),
};
