import type { FlowInput } from '@attendflow/engine';

/** One node of a test flow, at version 1, laid out on a row. */
export function flowNode(
  id: string,
  type: string,
  settings: Record<string, unknown>,
  x = 0,
): FlowInput['nodes'][number] {
  return { id, type, typeVersion: 1, settings, position: { x, y: 0 } };
}
