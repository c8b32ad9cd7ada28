// Flow document
export {
  flowSchema,
  flowNodeSchema,
  flowEdgeSchema,
  flowVariableSchema,
  flowNoteSchema,
  flowIdSchema,
  positionSchema,
  CURRENT_FLOW_SCHEMA_VERSION,
  type Flow,
  type FlowInput,
  type FlowNode,
  type FlowEdge,
  type FlowVariable,
  type FlowNote,
} from './flow/flow-schema.js';
export {
  migrateFlow,
  flowMigrations,
  type FlowMigration,
  type MigrateFlowResult,
} from './flow/migrate-flow.js';
export { validateFlow, type ValidateFlowResult } from './flow/validate-flow.js';
export {
  flowIssueCodes,
  type FlowIssue,
  type FlowIssueCode,
  type FlowIssueParams,
  type FlowIssueSeverity,
} from './flow/flow-issue.js';
export { flowJsonSchema } from './flow/flow-json-schema.js';
export { prepareFlow } from './flow/prepare-flow.js';

// Plugin API
export {
  defineNode,
  portsOf,
  type NodeDefinition,
  type NodeDefinitionInput,
  type NodeCategory,
  type NodeTraits,
  type SettingsOf,
  type PortOf,
  type SummaryContext,
} from './plugin/define-node.js';
export {
  defineNodeRuntime,
  type NodeRuntime,
  type NodeRuntimeInput,
  type NodeOutcome,
} from './plugin/define-node-runtime.js';
export type {
  NodeContext,
  NodeEvent,
  ConversationView,
  OutboundDraft,
  Outcome,
  ConversationChanges,
} from './plugin/node-context.js';
export {
  defineChannel,
  type ChannelDefinition,
  type ChannelDefinitionInput,
  type ChannelActionDefinition,
} from './plugin/define-channel.js';
export { resolvePolicies } from './conversation/resolve-policies.js';
export {
  channelPoliciesSchema,
  type ChannelPolicies,
  type ChannelPoliciesInput,
} from './plugin/channel-policies.js';
export {
  defineChannelAdapter,
  type ChannelAdapter,
  type OutboundDelivery,
  type DeliveryResult,
  type InboundItem,
  type InboundRequest,
  type ConnectionCheck,
  type SyncContext,
  type SyncProgress,
  type SyncResult,
} from './plugin/define-channel-adapter.js';
export {
  channelQueryAudiences,
  defineChannelQuery,
  type ChannelQuery,
  type ChannelQueryAudience,
  type ChannelQueryResult,
} from './plugin/define-channel-query.js';
export { createRegistry, type Registry, type RegistryInput } from './plugin/registry.js';
export {
  ui,
  secret,
  uiMetaOf,
  uiRegistry,
  uiWidgets,
  secretFieldsOf,
  hostFilledFieldsOf,
  settingsJsonSchema,
  type UiMeta,
  type UiWidget,
} from './plugin/ui.js';
export {
  localeSchema,
  fieldTranslationSchema,
  fieldTranslationsSchema,
  nodeTranslationSchema,
  channelTranslationSchema,
  nodeTranslationsSchema,
  channelTranslationsSchema,
  fieldsAt,
  type FieldTranslation,
  type FieldTranslations,
  type NodeTranslation,
  type ChannelTranslation,
  type NodeTranslations,
  type ChannelTranslations,
} from './plugin/translations.js';
export {
  localizeNode,
  localizeChannel,
  matchLocale,
  baseLocale,
  type LocalizedNode,
  type LocalizedChannel,
  type LocalizedAction,
  type LocalePreference,
} from './plugin/localize.js';
export {
  settingsFieldsOf,
  localizeJsonSchema,
  type SettingsField,
} from './plugin/settings-fields.js';

// Compiler and conversation runtime
export { compileFlow, type CompileOptions } from './compile/compile-flow.js';
export type { CompiledFlow, CompiledNode } from './compile/compiled-flow.js';
export {
  createEngine,
  type Engine,
  type EngineOptions,
  type FlowVersionRef,
  type ConversationSnapshot,
  type StepResult,
} from './conversation/create-engine.js';
export {
  conversationEventSchema,
  conversationStartedSchema,
  attendanceDefaultsSchema,
  customerMessageSchema,
  agentTookSchema,
  agentTransferredSchema,
  agentReplySchema,
  agentRequestedEvaluationSchema,
  customerEvaluatedSchema,
  timerFiredSchema,
  agentClosedSchema,
  agentActionSchema,
  channelEventSchema,
  visibilitySchema,
  attachmentSchema,
  customerSchema,
  isAgentEvent,
  type ConversationEvent,
  type ConversationEventInput,
  type ConversationStarted,
  type AttendanceDefaults,
  type ChannelEvent,
  type AgentEvent,
  type Visibility,
  type Attachment,
  type Customer,
} from './conversation/events.js';
export type {
  Effect,
  MessageEffect,
  MessageBlockedEffect,
  TimerArmEffect,
  TimerCancelEffect,
  ConversationUpdateEffect,
  ChannelActionEffect,
  AlertEffect,
  FlowStoppedEffect,
  TraceEntry,
  Rejection,
  Author,
  ConversationStatus,
  ConversationFields,
} from './conversation/effects.js';
export { conversationStatuses } from './conversation/effects.js';
export type {
  ConversationContext,
  ArmedTimer,
  FlowRunState,
} from './conversation/conversation-context.js';
export { channelRuleCodes } from './conversation/channel-rules.js';
export { renderTemplate } from './conversation/render-template.js';
export { templateScope, type TemplateSource } from './conversation/template-scope.js';
export { EngineError, engineErrorCodes, type EngineErrorCode } from './errors.js';
export { jsonSchema, type Json } from './json.js';
