import type { Flow } from '@attendflow/engine';
import { describe, expect, it } from 'vitest';
import { designerRegistry } from '../registry/designer-registry';
import { moveItems } from '../store/flow-edits';
import { countIssues, createDraftValidator, issuesByNode } from './draft-validator';

const flow: Flow = {
  schemaVersion: 1,
  name: 'ra',
  nodes: [
    { id: 'start', type: 'trigger', typeVersion: 1, settings: {}, position: { x: 0, y: 0 } },
    {
      id: 'ack',
      type: 'auto-message',
      typeVersion: 1,
      settings: { text: 'Olá', visibility: 'public' },
      position: { x: 200, y: 0 },
    },
    { id: 'end', type: 'close', typeVersion: 1, settings: {}, position: { x: 400, y: 0 } },
  ],
  edges: [
    { id: 'e1', source: 'start', sourcePort: 'next', target: 'ack' },
    { id: 'e2', source: 'ack', sourcePort: 'next', target: 'end' },
  ],
  variables: [],
  notes: [],
};

describe('draft validator', () => {
  it('reports the Reclame Aqui visibility rule on the node, and nothing without the channel', () => {
    const validate = createDraftValidator(designerRegistry);
    const issues = validate(flow, 'reclame-aqui');
    const ack = issuesByNode(issues).get('ack') ?? [];
    expect(ack.map((issue) => issue.code)).toContain('CHANNEL_AUTOMATIC_VISIBILITY');
    expect(ack.find((i) => i.code === 'CHANNEL_AUTOMATIC_VISIBILITY')?.message).toContain(
      'on Reclame Aqui automatic messages are private',
    );
    expect(countIssues(validate(flow, null)).errors).toBe(0);
  });

  it('reuses the answer when only positions changed', () => {
    const validate = createDraftValidator(designerRegistry);
    const first = validate(flow, 'reclame-aqui');
    expect(validate(moveItems(flow, new Map([['ack', { x: 1, y: 1 }]])), 'reclame-aqui')).toBe(
      first,
    );
    expect(validate(flow, null)).not.toBe(first);
  });
});
