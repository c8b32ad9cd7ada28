export { runFlow, type RunFlowOptions, type FlowRun } from './run-flow.js';
export { SimulatedConversation, type SimulationOptions } from './simulated-conversation.js';
export { script, type ScriptStep } from './script.js';
export { fakeChannel, type FakeChannelOptions } from './fake-channel.js';
export { Transcript, type TranscriptEntry } from './transcript.js';
export { toMs, formatOffset, type Duration } from './duration.js';
export { missingTranslations, type MissingTranslationsOptions } from './missing-translations.js';
