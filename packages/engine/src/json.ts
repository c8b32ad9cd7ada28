import { z } from 'zod';

/** A JSON value: what snapshots, variables and node state may hold. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** Zod schema of {@link Json}. */
export const jsonSchema: z.ZodType<Json> = z.lazy(() =>
  z.union([
    z.string(),
    z.number(),
    z.boolean(),
    z.null(),
    z.array(jsonSchema),
    z.record(z.string(), jsonSchema),
  ]),
);
