import { z } from 'zod';

/** When a fault applies: every given condition must hold. */
export const faultMatchSchema = z.strictObject({
  method: z.string().optional(),
  /** Exact path, or the pattern of the route it matched (`/bot:token/sendMessage`). */
  path: z.string().optional(),
  /** The raw body contains this text. */
  bodyIncludes: z.string().nullable().optional(),
  /** Only the n-th matching requests (1-based, counted since the rule was added). */
  nth: z.array(z.int().positive()).optional(),
  /** At most this many applications, then the rule is spent. */
  times: z.int().positive().optional(),
  /** Chance of applying, from the simulator's seeded random source. */
  probability: z.number().min(0).max(1).optional(),
});

/** What a matching fault does instead of (or on top of) the normal handling. */
export const faultActionSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('status'),
    status: z.int().min(100).max(599),
    headers: z.record(z.string(), z.string()).optional(),
    body: z.unknown().optional(),
    applyEffect: z.boolean().optional(),
  }),
  z.strictObject({ type: z.literal('delay'), ms: z.int().nonnegative() }),
  z.strictObject({ type: z.literal('timeout'), applyEffect: z.boolean().optional() }),
  z.strictObject({ type: z.literal('reset'), applyEffect: z.boolean().optional() }),
  z.strictObject({ type: z.literal('malformed'), applyEffect: z.boolean().optional() }),
  z.strictObject({ type: z.literal('empty'), applyEffect: z.boolean().optional() }),
  z.strictObject({ type: z.literal('slowBody'), bytesPerSecond: z.int().positive().optional() }),
]);

/** A fault rule of the control plane (`POST /__sim/faults`). */
export const faultRuleSchema = z.strictObject({
  id: z.string().optional(),
  match: faultMatchSchema.default({}),
  action: faultActionSchema,
});

export type FaultRule = z.infer<typeof faultRuleSchema> & { id: string };
export type FaultAction = z.infer<typeof faultActionSchema>;

/** The ordered fault rules of one simulator; the first matching rule wins. */
export class FaultRules {
  private rules: Array<FaultRule & { seen: number; applied: number }> = [];
  private nextId = 1;

  constructor(private readonly random: () => number) {}

  add(input: z.input<typeof faultRuleSchema>): FaultRule {
    const parsed = faultRuleSchema.parse(input);
    const rule = { ...parsed, id: parsed.id ?? `f${this.nextId++}`, seen: 0, applied: 0 };
    this.rules.push(rule);
    return this.publicView(rule);
  }

  list(): FaultRule[] {
    return this.rules.map((rule) => this.publicView(rule));
  }

  /** Removes one rule, or all of them (ids then start again at `f1`, as after a reset). */
  remove(id?: string): void {
    if (id === undefined) this.nextId = 1;
    this.rules = id === undefined ? [] : this.rules.filter((rule) => rule.id !== id);
  }

  /** The rule that applies to this request, counting it as seen by every rule it matches. */
  pick(request: {
    method: string;
    path: string;
    route: string | undefined;
    rawBody: string;
  }): FaultRule | undefined {
    for (const rule of this.rules) {
      const { match } = rule;
      if (match.method && match.method.toUpperCase() !== request.method) continue;
      if (match.path && match.path !== request.path && match.path !== request.route) continue;
      if (match.bodyIncludes && !request.rawBody.includes(match.bodyIncludes)) continue;
      rule.seen += 1;
      if (match.times !== undefined && rule.applied >= match.times) continue;
      if (match.nth && !match.nth.includes(rule.seen)) continue;
      if (match.probability !== undefined && this.random() >= match.probability) continue;
      rule.applied += 1;
      return this.publicView(rule);
    }
    return undefined;
  }

  private publicView(rule: FaultRule): FaultRule {
    return { id: rule.id, match: rule.match, action: rule.action };
  }
}
