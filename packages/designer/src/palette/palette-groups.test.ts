import { createRegistry, defineChannel, defineNode } from '@attendflow/engine';
import { nodeDefinitions } from '@attendflow/nodes/definitions';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { designerRegistry } from '../registry/designer-registry';
import { filterPalette, paletteGroups } from './palette-groups';

const appeal = defineNode({
  type: 'test-appeal',
  version: 1,
  label: 'Appeal',
  category: 'channel',
  icon: 'x',
  waits: false,
  ports: ['next'],
  settings: z.object({}),
});
const channel = defineChannel({
  type: 'test-channel',
  label: 'Test',
  icon: 'x',
  settings: z.object({}),
  policies: { visibilities: ['public'] },
  nodes: [appeal],
});
const registry = createRegistry({ nodes: nodeDefinitions, channels: [channel] });

describe('paletteGroups', () => {
  it('groups the built-in nodes by category, in order', () => {
    const groups = paletteGroups(designerRegistry, 'reclame-aqui');
    expect(groups.map((g) => g.category).slice(0, 3)).toEqual(['trigger', 'messaging', 'routing']);
    expect(groups[0]?.definitions.map((d) => d.type)).toEqual(['trigger']);
  });

  it('offers channel nodes only for their channel', () => {
    const types = (c: string | null) =>
      paletteGroups(registry, c).flatMap((g) => g.definitions.map((d) => d.type));
    expect(types('test-channel')).toContain('test-appeal');
    expect(types('other')).not.toContain('test-appeal');
    expect(types(null)).not.toContain('test-appeal');
  });

  it('filters by label or type', () => {
    const groups = filterPalette(paletteGroups(designerRegistry, null), 'handoff');
    expect(groups.flatMap((g) => g.definitions.map((d) => d.type))).toEqual(['human-handoff']);
  });

  it('filters by the label in the UI language, English still found', () => {
    const types = (query: string) =>
      filterPalette(paletteGroups(designerRegistry, 'reclame-aqui'), query, 'pt-BR').flatMap((g) =>
        g.definitions.map((d) => d.type),
      );
    expect(types('atendente')).toEqual(['auto-reply-delay', 'human-handoff', 'deadline-reminder']);
    expect(types('solicitar avalia')).toEqual(['request-evaluation', 'ra-request-evaluation']);
    expect(types('handoff')).toEqual(['human-handoff']);
    expect(filterPalette(paletteGroups(designerRegistry, null), 'atendente', 'en')).toEqual([]);
  });
});
