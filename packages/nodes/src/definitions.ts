import type { ChannelDefinition, NodeDefinition } from '@attendflow/engine';
import { trigger } from './nodes/trigger/definition.js';
import { autoMessage } from './nodes/auto-message/definition.js';
import { route } from './nodes/route/definition.js';
import { autoReplyDelay } from './nodes/auto-reply-delay/definition.js';
import { humanHandoff } from './nodes/human-handoff/definition.js';
import { requestEvaluation } from './nodes/request-evaluation/definition.js';
import { close } from './nodes/close/definition.js';
import { condition } from './nodes/condition/definition.js';
import { businessHours } from './nodes/business-hours/definition.js';
import { waitForCustomer } from './nodes/wait-for-customer/definition.js';
import { setVariable } from './nodes/set-variable/definition.js';
import { deadlineReminder } from './nodes/deadline-reminder/definition.js';
import { localizedMessage } from './nodes/localized-message/definition.js';
import { reclameAqui } from './channels/reclame-aqui/definition.js';
import { wish } from './channels/wish/definition.js';
import { webChat } from './channels/web-chat/definition.js';
import { apiChannel } from './channels/api/definition.js';
import { emailChannel } from './channels/email/definition.js';
import { telegram } from './channels/telegram/definition.js';

/** The built-in node types, browser-safe (no runtime code). The palette shows them in this order. */
export const nodeDefinitions: NodeDefinition[] = [
  trigger,
  autoMessage,
  route,
  autoReplyDelay,
  humanHandoff,
  requestEvaluation,
  close,
  condition,
  businessHours,
  waitForCustomer,
  setVariable,
  deadlineReminder,
  localizedMessage,
];

/** The built-in channels, browser-safe. */
export const channelDefinitions: ChannelDefinition[] = [
  reclameAqui,
  wish,
  webChat,
  apiChannel,
  emailChannel,
  telegram,
];

export {
  trigger,
  autoMessage,
  route,
  autoReplyDelay,
  humanHandoff,
  requestEvaluation,
  close,
  condition,
  businessHours,
  waitForCustomer,
  setVariable,
  deadlineReminder,
  localizedMessage,
  reclameAqui,
  wish,
  webChat,
  apiChannel,
  emailChannel,
  telegram,
};
