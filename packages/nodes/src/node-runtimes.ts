import type { NodeRuntime } from '@attendflow/engine';
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

/**
 * Runtimes of the built-in node types. Browser-safe (they import only the engine and their
 * definitions), so the designer's simulator runs drafts with the very code the server runs.
 */
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
