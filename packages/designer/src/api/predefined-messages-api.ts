import type { ApiClient } from './api-client';
import type { ApiAnswer, ApiBody } from './server-api';

/** A predefined message as admins keep it; a null sector or channel means any. */
export type PredefinedMessage = ApiAnswer<'/api/predefined-messages/{id}', 'get'>;

/** What an admin writes. */
export type PredefinedMessageInput = ApiBody<'/api/predefined-messages', 'post'>;

/** One of the messages offered for a conversation, filled from it (`rendered`: what the composer inserts). */
export type OfferedMessage = ApiAnswer<
  '/api/conversations/{id}/predefined-messages',
  'get'
>['items'][number];

/** The predefined-message endpoints, typed: admins manage them, agents read a conversation's. */
export const predefinedMessagesApi = {
  list: (api: ApiClient) => api.request<PredefinedMessage[]>('GET', '/predefined-messages'),
  create: (api: ApiClient, body: PredefinedMessageInput) =>
    api.request<PredefinedMessage>('POST', '/predefined-messages', body),
  update: (api: ApiClient, id: string, body: ApiBody<'/api/predefined-messages/{id}', 'patch'>) =>
    api.request<PredefinedMessage>('PATCH', `/predefined-messages/${id}`, body),
  remove: (api: ApiClient, id: string) =>
    api.request<undefined>('DELETE', `/predefined-messages/${id}`),
  forConversation: (api: ApiClient, conversationId: string) =>
    api.request<ApiAnswer<'/api/conversations/{id}/predefined-messages', 'get'>>(
      'GET',
      `/conversations/${conversationId}/predefined-messages`,
    ),
};
