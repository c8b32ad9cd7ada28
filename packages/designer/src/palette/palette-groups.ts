import {
  localizeNode,
  type NodeCategory,
  type NodeDefinition,
  type Registry,
} from '@attendflow/engine';

/** The palette's categories, in the order they are shown. */
export const paletteCategories: readonly NodeCategory[] = [
  'trigger',
  'messaging',
  'routing',
  'attendance',
  'logic',
  'channel',
];

/** One palette section. */
export interface PaletteGroup {
  category: NodeCategory;
  definitions: NodeDefinition[];
}

/**
 * The node types offered for a flow on `channel`, grouped by category in registry order: nodes
 * limited to channels appear only for theirs (none when the flow has no channel).
 */
export function paletteGroups(registry: Registry, channel: string | null): PaletteGroup[] {
  const offered = [...registry.nodes.values()].filter((definition) =>
    isOffered(definition, registry, channel),
  );
  return paletteCategories
    .map((category) => ({
      category,
      definitions: offered.filter((definition) => definition.category === category),
    }))
    .filter((group) => group.definitions.length > 0);
}

function isOffered(
  definition: NodeDefinition,
  registry: Registry,
  channel: string | null,
): boolean {
  const owners = [...registry.channels.values()]
    .filter((candidate) => candidate.nodes.includes(definition))
    .map((candidate) => candidate.type);
  const limitedTo = [...(definition.channels ?? []), ...owners];
  if (limitedTo.length === 0) return true;
  return channel !== null && limitedTo.includes(channel);
}

/**
 * Palette entries whose label or description (in the UI language or in English) or type contains
 * `query`, ignoring case.
 */
export function filterPalette(
  groups: readonly PaletteGroup[],
  query: string,
  locale = 'en',
): PaletteGroup[] {
  const needle = query.trim().toLowerCase();
  if (!needle) return [...groups];
  const matches = (d: NodeDefinition) => {
    const text = localizeNode(d, locale);
    return [text.label, text.description ?? '', d.label, d.type, d.description ?? ''].some(
      (candidate) => candidate.toLowerCase().includes(needle),
    );
  };
  return groups
    .map((group) => ({ ...group, definitions: group.definitions.filter(matches) }))
    .filter((group) => group.definitions.length > 0);
}
