import { CURRENT_FLOW_SCHEMA_VERSION } from './flow-schema.js';

/** Turns a document of version `from` into one of version `from + 1`. */
export interface FlowMigration {
  readonly from: number;
  readonly migrate: (document: Record<string, unknown>) => Record<string, unknown>;
}

/**
 * Migrations of the flow document, oldest first. Version 0 is the pre-release draft format, where
 * edges named their port `sourceHandle` (the designer library's word) and `schemaVersion` was absent.
 */
export const flowMigrations: readonly FlowMigration[] = [
  {
    from: 0,
    migrate: (document) => {
      const edges = Array.isArray(document['edges']) ? (document['edges'] as unknown[]) : [];
      return {
        ...document,
        schemaVersion: 1,
        edges: edges.map((edge) => {
          if (typeof edge !== 'object' || edge === null) return edge;
          const { sourceHandle, ...rest } = edge as Record<string, unknown>;
          return 'sourcePort' in rest ? rest : { ...rest, sourcePort: sourceHandle };
        }),
      };
    },
  },
];

/**
 * Outcome of {@link migrateFlow}: the document at the current version, or why it cannot be (with
 * `params` when the document is newer than this engine).
 */
export type MigrateFlowResult =
  | { ok: true; document: unknown; fromVersion: number }
  | { ok: false; message: string; params?: Record<string, string | number> };

/**
 * Brings an older flow document forward to {@link CURRENT_FLOW_SCHEMA_VERSION}; documents that are
 * not objects or newer than this engine are refused. The result still needs validation.
 *
 * @example
 * const migrated = migrateFlow(JSON.parse(text));
 * if (migrated.ok) validateFlow(migrated.document, registry);
 */
export function migrateFlow(
  raw: unknown,
  migrations: readonly FlowMigration[] = flowMigrations,
): MigrateFlowResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, message: 'a flow document must be a JSON object' };
  }
  let document = raw as Record<string, unknown>;
  const declared = document['schemaVersion'];
  const fromVersion = declared === undefined ? 0 : declared;
  if (typeof fromVersion !== 'number' || !Number.isInteger(fromVersion) || fromVersion < 0) {
    return { ok: false, message: 'schemaVersion must be a non-negative integer' };
  }
  if (fromVersion > CURRENT_FLOW_SCHEMA_VERSION) {
    return {
      ok: false,
      message: `schemaVersion ${fromVersion} is newer than this engine (${CURRENT_FLOW_SCHEMA_VERSION}); upgrade attendflow`,
      params: { version: fromVersion, current: CURRENT_FLOW_SCHEMA_VERSION },
    };
  }
  for (let version = fromVersion; version < CURRENT_FLOW_SCHEMA_VERSION; version++) {
    const step = migrations.find((migration) => migration.from === version);
    if (!step) return { ok: false, message: `no migration from schemaVersion ${version}` };
    document = step.migrate(document);
  }
  return { ok: true, document, fromVersion };
}
