import {
  createRegistry,
  type ChannelAdapter,
  type NodeRuntime,
  type Registry,
} from '@attendflow/engine';
import { apiAdapter } from './channels/api/adapter.js';
import { emailAdapter } from './channels/email/adapter.js';
import { reclameAquiAdapter } from './channels/reclame-aqui/adapter.js';
import { createTelegramAdapter } from './channels/telegram/adapter.js';
import { webChatAdapter } from './channels/web-chat/adapter.js';
import { createWishAdapter } from './channels/wish/adapter.js';
import { channelDefinitions, nodeDefinitions } from './definitions.js';
import { triggerRuntime } from './nodes/trigger/runtime.js';
import { autoMessageRuntime } from './nodes/auto-message/runtime.js';
import { routeRuntime } from './nodes/route/runtime.js';
import { autoReplyDelayRuntime } from './nodes/auto-reply-delay/runtime.js';
import { humanHandoffRuntime } from './nodes/human-handoff/runtime.js';
import { requestEvaluationRuntime } from './nodes/request-evaluation/runtime.js';
import { closeRuntime } from './nodes/close/runtime.js';
import { conditionRuntime } from './nodes/condition/runtime.js';
import { businessHoursRuntime } from './nodes/business-hours/runtime.js';
import { waitForCustomerRuntime } from './nodes/wait-for-customer/runtime.js';
import { setVariableRuntime } from './nodes/set-variable/runtime.js';
import { raRequestEvaluationRuntime } from './channels/reclame-aqui/nodes/ra-request-evaluation.runtime.js';
import { raRequestModerationRuntime } from './channels/reclame-aqui/nodes/ra-request-moderation.runtime.js';
import { deadlineReminderRuntime } from './nodes/deadline-reminder/runtime.js';
import { localizedMessageRuntime } from './nodes/localized-message/runtime.js';

/** Runtimes of the built-in node types (server side). */
export const nodeRuntimes: NodeRuntime[] = [
  triggerRuntime,
  autoMessageRuntime,
  routeRuntime,
  autoReplyDelayRuntime,
  humanHandoffRuntime,
  requestEvaluationRuntime,
  closeRuntime,
  conditionRuntime,
  businessHoursRuntime,
  waitForCustomerRuntime,
  setVariableRuntime,
  raRequestModerationRuntime,
  raRequestEvaluationRuntime,
  deadlineReminderRuntime,
  localizedMessageRuntime,
] as NodeRuntime[];

/** Adapters of the channels whose I/O is implemented (the others' arrive with their plugins). */
export const channelAdapters: ChannelAdapter[] = [
  apiAdapter,
  webChatAdapter,
  emailAdapter,
  reclameAquiAdapter,
  createTelegramAdapter(),
  createWishAdapter(),
] as ChannelAdapter[];

/**
 * The registry of every built-in node and channel, with runtimes.
 *
 * @example
 * const engine = createEngine({ registry: createBuiltInRegistry() });
 */
export function createBuiltInRegistry(): Registry {
  return createRegistry({
    nodes: nodeDefinitions,
    channels: channelDefinitions,
    runtimes: nodeRuntimes,
  });
}

export { nodeDefinitions, channelDefinitions } from './definitions.js';
export { createReclameAquiAdapter } from './channels/reclame-aqui/adapter.js';
