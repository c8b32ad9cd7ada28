import type { NodeDefinition } from '@attendflow/engine';
import { pathKey } from './value-path';

/**
 * The messages of a node's settings that do not parse, by field path (`rules.0.id`); the inspector
 * shows each beside its field. The node's own zod schema decides, as at publish.
 */
export function settingsErrors(
  definition: NodeDefinition,
  settings: unknown,
): Map<string, string[]> {
  const errors = new Map<string, string[]>();
  const parsed = definition.settings.safeParse(settings);
  if (parsed.success) return errors;
  for (const issue of parsed.error.issues) {
    const key = pathKey(issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part)));
    errors.set(key, [...(errors.get(key) ?? []), issue.message]);
  }
  return errors;
}
