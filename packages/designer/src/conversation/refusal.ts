import { ApiError } from '../api/api-error';

/** What the agent is told when an action does not go through. */
export interface Refusal {
  /** The channel rule that refused (`CHANNEL_PUBLIC_ANSWER_LIMIT` …), or null for other errors. */
  rule: string | null;
  /** The server's own words. */
  message: string;
  /** The values the rule's words state (a length, a limit). */
  params: Record<string, string | number>;
}

/** Reads a failed action: a 409 names the channel rule in `details.rule`. */
export function refusalOf(error: unknown): Refusal {
  if (error instanceof ApiError) {
    const details = error.details as { rule?: unknown; params?: unknown } | undefined;
    const rule = error.status === 409 && typeof details?.rule === 'string' ? details.rule : null;
    return { rule, message: error.message, params: paramsOf(details?.params) };
  }
  return {
    rule: null,
    message: error instanceof Error ? error.message : String(error),
    params: {},
  };
}

/** The refusal's values as sent: strings and numbers only. */
function paramsOf(value: unknown): Record<string, string | number> {
  if (typeof value !== 'object' || value === null) return {};
  const params: Record<string, string | number> = {};
  for (const [key, item] of Object.entries(value))
    if (typeof item === 'string' || typeof item === 'number') params[key] = item;
  return params;
}
