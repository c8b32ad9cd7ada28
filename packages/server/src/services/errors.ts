/** Codes the server answers with, each with its HTTP status: one catalog, one place. */
export const serverErrors = {
  VALIDATION_FAILED: 400,
  FLOW_INVALID: 400,
  UNAUTHENTICATED: 401,
  LOGIN_FAILED: 401,
  FORBIDDEN: 403,
  INBOUND_UNAUTHORIZED: 401,
  NOT_FOUND: 404,
  REVISION_CONFLICT: 409,
  CHANNEL_RULE_VIOLATION: 409,
  CONNECTION_HAS_NO_FLOW: 409,
  CONNECTION_DISABLED: 409,
  CONVERSATION_NOT_STARTED: 409,
  DUPLICATE: 409,
  PAYLOAD_TOO_LARGE: 413,
  INTERNAL: 500,
  CHANNEL_QUERY_FAILED: 502,
} as const;

/** A code from {@link serverErrors}. */
export type ServerErrorCode = keyof typeof serverErrors;

/** An error a service raises for its caller to map to HTTP; `details` go into the body. */
export class ServerError extends Error {
  override readonly name = 'ServerError';
  constructor(
    readonly code: ServerErrorCode,
    message: string,
    readonly details?: unknown,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
  get status(): number {
    return serverErrors[this.code];
  }
}
