import { validateFlow, type Flow } from '@attendflow/engine';
import { describe, expect, it } from 'vitest';
import { designerRegistry } from '../registry/designer-registry';
import { issueContext } from './issue-context';

const flow: Flow = {
  schemaVersion: 1,
  name: 'f',
  nodes: [
    { id: 'start', type: 'trigger', typeVersion: 1, settings: {}, position: { x: 0, y: 0 } },
    {
      id: 'ack',
      type: 'auto-message',
      typeVersion: 1,
      settings: { text: '' },
      position: { x: 200, y: 0 },
    },
    {
      id: 'check',
      type: 'condition',
      typeVersion: 1,
      label: 'VIP?',
      settings: { rules: [{ kind: 'variable', name: '1st', operator: 'exists' }] },
      position: { x: 400, y: 0 },
    },
  ],
  edges: [
    { id: 'e1', source: 'start', sourcePort: 'next', target: 'ack' },
    { id: 'e2', source: 'ack', sourcePort: 'next', target: 'check' },
  ],
  variables: [],
  notes: [],
};

describe('issueContext', () => {
  const { issues } = validateFlow(flow, designerRegistry);
  const about = (nodeId: string, code: string) =>
    issues.find((issue) => issue.nodeId === nodeId && issue.code === code);

  it('names the node and the field in the UI language', () => {
    const text = about('ack', 'FLOW_NODE_SETTINGS_INVALID');
    expect(text && issueContext(text, flow, designerRegistry, 'pt-BR')).toEqual({
      node: 'Mensagem automática',
      field: 'Mensagem',
    });
    expect(text && issueContext(text, flow, designerRegistry, 'en')).toEqual({
      node: 'Auto message',
      field: 'Message',
    });
  });

  it('reads a field inside a list, and keeps the node’s own label', () => {
    const rule = about('check', 'FLOW_NODE_SETTINGS_INVALID');
    expect(rule && issueContext(rule, flow, designerRegistry, 'pt-BR')).toEqual({
      node: 'VIP?',
      field: 'Variável',
    });
  });

  it('names only the node when the issue is not about a field', () => {
    const unreachable = {
      severity: 'error' as const,
      code: 'FLOW_NODE_UNREACHABLE',
      message: 'no path from the trigger reaches this node',
      nodeId: 'ack',
      path: ['nodes', 1],
    };
    expect(issueContext(unreachable, flow, designerRegistry, 'pt-BR')).toEqual({
      node: 'Mensagem automática',
    });
    expect(
      issueContext({ ...unreachable, nodeId: 'gone' }, flow, designerRegistry, 'pt-BR'),
    ).toEqual({});
  });
});
