import type { SimRequest } from '../../simulator-kit/sim-server.js';

/** A method's parameters from the query string and the body (JSON, form or multipart) [K]. */
export class BotParams {
  private readonly values: Record<string, unknown>;

  constructor(request: SimRequest) {
    const body = request.body.value;
    this.values = {
      ...Object.fromEntries(request.query),
      ...(body !== null && typeof body === 'object' && !Array.isArray(body) ? body : {}),
    };
  }

  has(name: string): boolean {
    return this.values[name] !== undefined && this.values[name] !== '';
  }

  string(name: string): string | undefined {
    const value = this.values[name];
    if (value === undefined || value === null) return undefined;
    return typeof value === 'string' ? value : JSON.stringify(value);
  }

  /** An integer, or `NaN` when the value is there but not one (Telegram answers 400 then). */
  int(name: string): number | undefined {
    const value = this.values[name];
    if (value === undefined || value === '') return undefined;
    const n = typeof value === 'number' ? value : Number(value);
    return Number.isInteger(n) ? n : Number.NaN;
  }

  bool(name: string): boolean {
    const value = this.values[name];
    return value === true || value === 'true' || value === '1';
  }

  /** A list sent as JSON text in forms and queries, or as an array in JSON bodies. */
  list(name: string): string[] | undefined {
    const value = this.values[name];
    if (value === undefined || value === '') return undefined;
    const parsed: unknown = typeof value === 'string' ? safeJson(value) : value;
    return Array.isArray(parsed) ? parsed.map(String) : undefined;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
