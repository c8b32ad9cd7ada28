import { localizeChannel, localizeNode, type NodeDefinition } from '@attendflow/engine';
import { missingTranslations } from '@attendflow/engine/testing';
import { describe, expect, it } from 'vitest';
import {
  autoReplyDelay,
  channelDefinitions,
  humanHandoff,
  nodeDefinitions,
  route,
} from './definitions.js';

const allNodes: NodeDefinition[] = [
  ...nodeDefinitions,
  ...channelDefinitions.flatMap((channel) => channel.nodes),
];

// Nodes that compute their ports from their settings: every port they can have besides the
// user-named ones (a route's rule ids).
const computedPorts: Record<string, readonly string[]> = {
  [route.type]: ['next', 'otherwise'],
  [autoReplyDelay.type]: ['answered', 'timeout'],
  [humanHandoff.type]: ['answered', 'timeout'],
};

describe('pt-BR translations of the built-in nodes and channels', () => {
  it.each(allNodes.map((node) => [node.type, node] as const))(
    'node %s has every label, help, port, field and option in pt-BR',
    (type, node) => {
      const ports = typeof node.ports === 'function' ? computedPorts[type] : undefined;
      if (typeof node.ports === 'function') expect(ports, `ports of ${type}`).toBeDefined();
      expect(missingTranslations(node, 'pt-BR', ports ? { ports } : {})).toEqual([]);
    },
  );

  it.each(channelDefinitions.map((channel) => [channel.type, channel] as const))(
    'channel %s has every label, field, group and action in pt-BR',
    (_type, channel) => {
      expect(missingTranslations(channel, 'pt-BR')).toEqual([]);
    },
  );

  it('reads as Portuguese through the engine helper', () => {
    const handoff = localizeNode(humanHandoff, 'pt-BR');
    expect(handoff.label).toBe('Transferir para atendente');
    expect(handoff.port('timeout')).toBe('tempo esgotado');
    expect(
      handoff.summary(
        humanHandoff.settings.parse({
          sector: 'Financeiro',
          timeout: { amount: 2, unit: 'hours' },
        }),
      ),
    ).toBe('Para Financeiro, até 2 horas');
    const reclameAqui = channelDefinitions.find((channel) => channel.type === 'reclame-aqui');
    const ra = reclameAqui && localizeChannel(reclameAqui, 'pt-BR');
    expect(ra?.actions['moderation.request']?.label).toBe('Solicitar moderação');
    expect(ra?.settingsSchema()).toMatchObject({
      properties: {
        syncIntervalMinutes: { label: 'Intervalo de sincronia (minutos)', group: 'Sincronia' },
      },
    });
  });

  it('keeps English summaries for English', () => {
    const settings = humanHandoff.settings.parse({ timeout: { amount: 1, unit: 'hours' } });
    expect(localizeNode(humanHandoff, 'en').summary(settings)).toBe(
      'To current sector, up to 1 hour',
    );
  });
});
