/** Every code an {@link EngineError} can carry: a closed set, one place. */
export const engineErrorCodes = [
  'REGISTRY_DUPLICATE_NODE_TYPE',
  'REGISTRY_DUPLICATE_CHANNEL_TYPE',
  'REGISTRY_MISSING_RUNTIME',
  'REGISTRY_UNKNOWN_RUNTIME',
  'REGISTRY_NO_RUNTIMES',
  'PLUGIN_INVALID_DEFINITION',
  'FLOW_INVALID',
  'FLOW_SCHEMA_VERSION_UNSUPPORTED',
  'CONVERSATION_NOT_STARTED',
  'CONVERSATION_ALREADY_STARTED',
  'EVENT_INVALID',
] as const;

/** A code from {@link engineErrorCodes}. */
export type EngineErrorCode = (typeof engineErrorCodes)[number];

/**
 * An invariant violation inside the engine (bad plugin, flow that was not validated, event out of
 * order). User input never throws: it is reported as a list of issues instead.
 *
 * @example
 * throw new EngineError('REGISTRY_MISSING_RUNTIME', 'node type "close" has no runtime');
 */
export class EngineError extends Error {
  override readonly name = 'EngineError';
  constructor(
    readonly code: EngineErrorCode,
    message: string,
    options?: { cause?: unknown; details?: unknown },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.details = options?.details;
  }
  /** Structured details (for example the validation issues of a flow). */
  readonly details: unknown;
}
