import type { FlowNode } from '@attendflow/engine';
import { describe, expect, it } from 'vitest';
import { designerRegistry } from '../registry/designer-registry';
import { describeNode } from './describe-node';

const node = (type: string, settings: Record<string, unknown>, label?: string): FlowNode => ({
  id: 'n',
  type,
  typeVersion: 1,
  settings,
  position: { x: 0, y: 0 },
  ...(label ? { label } : {}),
});

describe('describeNode', () => {
  it('takes title, icon, summary and ports from the definition', () => {
    const view = describeNode(node('auto-message', { text: 'Olá' }), designerRegistry);
    expect(view).toMatchObject({
      title: 'Auto message',
      icon: 'message',
      summary: 'Olá',
      ports: ['next'],
    });
    expect(describeNode(node('auto-message', { text: 'x' }, 'Ack'), designerRegistry).title).toBe(
      'Ack',
    );
  });

  it('computes ports from settings (one per rule)', () => {
    const settings = {
      mode: 'rules',
      rules: [{ id: 'refund', when: { rules: [{ kind: 'channel', channels: ['wish'] }] } }],
    };
    expect(describeNode(node('route', settings), designerRegistry).ports).toEqual([
      'refund',
      'otherwise',
    ]);
    expect(describeNode(node('human-handoff', {}), designerRegistry).ports).toEqual(['answered']);
    expect(
      describeNode(
        node('human-handoff', { timeout: { amount: 1, unit: 'hours' } }),
        designerRegistry,
      ).ports,
    ).toEqual(['answered', 'timeout']);
  });

  it('keeps connected ports of nodes it cannot read', () => {
    expect(describeNode(node('nope', {}), designerRegistry, ['a', 'a'])).toMatchObject({
      title: 'nope',
      ports: ['a'],
    });
  });
});
