import { z } from 'zod';

const port = z.coerce.number().int().min(0).max(65_535);

/** Environment → configuration, validated once at boot: a bad value stops the server, naming it. */
export const configSchema = z
  .object({
    HOST: z.string().default('127.0.0.1'),
    PORT: port.default(3000),
    /** PostgreSQL URL; when unset, the embedded PGlite database in `DATA_DIR` is used. */
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
      .optional(),
    /**
     * PGlite's thread and the server's: on one CPU while statements are small, apart once they
     * back up (`adaptive`; see `db/adaptive-placement.ts`), on one CPU always (`shared`: they hand
     * every statement to each other, and a hand-off to another core cost as much as the work on
     * the VMs measured; see `db/cpu-affinity.ts`), or wherever the kernel puts them (`any`).
     * Linux only; else `any`.
     */
    PGLITE_CPU: z.enum(['adaptive', 'shared', 'any']).default('adaptive'),
    /** Where PGlite keeps its data and the generated secret key. */
    DATA_DIR: z.string().default('.data'),
    /** 32-byte key (base64) encrypting channel secrets; generated into DATA_DIR when unset. */
    SECRET_KEY: z
      .string()
      .refine((value) => Buffer.from(value, 'base64').length === 32, 'must be 32 bytes in base64')
      .optional(),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    /** The address customers and channels reach the server at (webhook and widget URLs). */
    PUBLIC_URL: z.string().url().optional(),
    /** First admin of an empty database. */
    ADMIN_EMAIL: z.string().email().default('admin@attendflow.local'),
    ADMIN_PASSWORD: z.string().min(8).optional(),
    /** How often the timer and outbox workers look for due work, in milliseconds. */
    WORKER_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(250),
    /** Whether this process runs the timer and outbox workers. */
    WORKERS: z
      .enum(['on', 'off'])
      .default('on')
      .transform((value) => value === 'on'),
    /**
     * Demo mode: the Reclame Aqui, Wish and Telegram simulators run beside the server, with
     * connections to them and seeded complaints and tickets. Unset: on with the embedded database,
     * off with `DATABASE_URL`.
     */
    SIMULATORS: z.enum(['on', 'off']).optional(),
    /** The simulators listen on loopback ports base + 1 (Reclame Aqui) … base + 4 (SMTP sink). */
    SIMULATOR_PORT_BASE: port.max(65_531).default(3100),
  })
  .transform(({ SIMULATORS, ...config }) => ({
    ...config,
    SIMULATORS: (SIMULATORS ?? (config.DATABASE_URL ? 'off' : 'on')) === 'on',
  }));

/** Parsed configuration. */
export type Config = z.infer<typeof configSchema>;

/** Reads the configuration from an environment; throws an error naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.')}: ${issue.message}`,
    );
    throw new Error(`invalid configuration: ${problems.join('; ')}`);
  }
  return parsed.data;
}
