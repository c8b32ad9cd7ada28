import type { FlowNode } from '@attendflow/engine';
import { describe, expect, it } from 'vitest';
import { designerRegistry } from '../registry/designer-registry';
import { describeNode, localizeView, nodeTitle } from './describe-node';

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

  it('speaks the UI language: title, summary and port labels', () => {
    const handoff = node('human-handoff', {
      sector: 'Financeiro',
      timeout: { amount: 1, unit: 'days' },
    });
    expect(describeNode(handoff, designerRegistry, [], 'pt-BR')).toMatchObject({
      locale: 'pt-BR',
      title: 'Transferir para atendente',
      summary: 'Para Financeiro, até 1 dia',
      ports: ['answered', 'timeout'],
      portLabels: { answered: 'respondido', timeout: 'tempo esgotado' },
    });
    // The node's own label wins over its type's, in every language.
    expect(describeNode(node('close', {}, 'Tchau'), designerRegistry, [], 'pt-BR').title).toBe(
      'Tchau',
    );
    expect(nodeTitle(node('close', {}), designerRegistry, 'pt-BR')).toBe('Encerrar atendimento');
  });

  it('re-reads a view described in English in another language', () => {
    const close = node('close', { solution: 'resolvido' });
    const english = describeNode(close, designerRegistry);
    expect(english).toMatchObject({ title: 'Close', summary: 'Close as resolvido' });
    expect(localizeView(english, close, 'en')).toBe(english);
    expect(localizeView(english, close, 'pt-BR')).toMatchObject({
      title: 'Encerrar atendimento',
      summary: 'Encerrar com resolvido',
    });
  });

  it('keeps connected ports of nodes it cannot read', () => {
    expect(describeNode(node('nope', {}), designerRegistry, ['a', 'a'])).toMatchObject({
      title: 'nope',
      ports: ['a'],
    });
  });
});
