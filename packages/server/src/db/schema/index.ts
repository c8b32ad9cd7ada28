export { users, apiTokens, userRoles, tokenKinds, type UserRole, type TokenKind } from './users.js';
export { flows, flowVersions } from './flows.js';
export { channelConnections } from './channel-connections.js';
export { conversations, events } from './conversations.js';
export { messages, outbox, timers } from './messages.js';
export { channelSync } from './channel-sync.js';
export { predefinedMessages } from './predefined-messages.js';
