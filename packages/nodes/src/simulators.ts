/**
 * Channel simulators (fake vendor APIs over loopback) and the kit they are built with, for tests,
 * demos and plugin authors. Server-side only: they listen on sockets.
 */
export { createSimClock, type SimClock } from './simulator-kit/clock.js';
export { createRateLimiter, type RateLimiter } from './simulator-kit/rate-limiter.js';
export { createIdSource, createRandom, type IdSource } from './simulator-kit/random.js';
export {
  faultRuleSchema,
  FaultRules,
  type FaultRule,
  type FaultAction,
} from './simulator-kit/faults.js';
export { Journal, type JournalEntry } from './simulator-kit/journal.js';
export {
  PushQueue,
  pushConfigSchema,
  type PushConfig,
  type PushAttempt,
  type PushSigner,
} from './simulator-kit/pushes.js';
export { parseRequestBody, type ParsedBody, type SimFile } from './simulator-kit/request-body.js';
export {
  route,
  startSimServer,
  type Fidelity,
  type SimReply,
  type SimRequest,
  type SimRoute,
  type SimServer,
  type SimServerOptions,
} from './simulator-kit/sim-server.js';
export {
  startSmtpSink,
  inboundParsePayload,
  type CapturedMail,
  type SmtpFault,
  type SmtpSink,
} from './channels/email/simulator.js';
export { startTelegramSimulator, type TelegramSimulator } from './channels/telegram/simulator.js';
export {
  startWishSimulator,
  type WishSimulator,
  type WishSimulatorOptions,
} from './channels/wish/simulator.js';
export {
  startReclameAquiSimulator,
  type ReclameAquiSimulator,
} from './channels/reclame-aqui/simulator/reclame-aqui-simulator.js';
