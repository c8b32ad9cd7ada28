import { readFileSync } from 'node:fs';
import { flowSchema, type Flow } from '@attendflow/engine';
import { describe, expect, it } from 'vitest';
import { changedPaths, diffFlows } from './flow-diff.js';

const example = (file: string): Flow =>
  flowSchema.parse(
    JSON.parse(
      readFileSync(new URL(`../../../../examples/flows/${file}`, import.meta.url), 'utf8'),
    ),
  );

describe('diffFlows', () => {
  const before = example('web-chat-business-hours.flow.json');

  it('finds nothing between a document and its copy', () => {
    const diff = diffFlows(before, structuredClone(before));
    expect(diff.hasChanges).toBe(false);
    expect(diff.nodes).toEqual({ added: [], removed: [], changed: [] });
    expect(diff.edges).toEqual({ added: [], removed: [] });
    expect(diff.document).toEqual({});
  });

  it('names nodes added, removed and changed with their settings paths, label and position', () => {
    const after = structuredClone(before);
    after.name = 'Web chat v2';
    const greet = after.nodes.find((node) => node.id === 'greet');
    const agent = after.nodes.find((node) => node.id === 'agent');
    if (!greet || !agent) throw new Error('example changed');
    greet.settings['text'] = 'Oi {{customer.name}}!';
    greet.label = 'Hello';
    agent.settings['timeout'] = { amount: 1, unit: 'hours' };
    agent.position = { x: 700, y: 90 };
    after.nodes = after.nodes.filter((node) => node.id !== 'busy');
    after.nodes.push({
      id: 'sorry',
      type: 'auto-message',
      typeVersion: 1,
      settings: { text: 'Desculpe a demora' },
      position: { x: 720, y: 0 },
    });
    after.edges = after.edges
      .filter((edge) => edge.source !== 'busy')
      .map((edge) => (edge.id === 'e6' ? { ...edge, id: 'e6b', target: 'sorry' } : edge));
    after.edges.push({ id: 'e7b', source: 'sorry', sourcePort: 'next', target: 'agent' });

    const diff = diffFlows(before, after);

    expect(diff.hasChanges).toBe(true);
    expect(diff.document).toEqual({
      name: { before: 'Web chat — business hours', after: 'Web chat v2' },
    });
    expect(diff.nodes.added).toEqual([{ id: 'sorry', type: 'auto-message' }]);
    expect(diff.nodes.removed).toEqual([{ id: 'busy', type: 'auto-message', label: 'All busy' }]);
    expect(diff.nodes.changed).toEqual([
      {
        id: 'greet',
        type: 'auto-message',
        label: { before: 'Greeting', after: 'Hello' },
        settings: ['text'],
      },
      {
        id: 'agent',
        type: 'human-handoff',
        position: { before: { x: 720, y: 100 }, after: { x: 700, y: 90 } },
        settings: ['timeout.amount', 'timeout.unit'],
      },
    ]);
    expect(diff.edges.added.map((edge) => [edge.source, edge.sourcePort, edge.target])).toEqual([
      ['agent', 'timeout', 'sorry'],
      ['sorry', 'next', 'agent'],
    ]);
    expect(diff.edges.removed.map((edge) => edge.id)).toEqual(['e6', 'e7']);
  });

  it('ignores a renamed edge id and reports variables by name', () => {
    const after = structuredClone(before);
    after.edges = after.edges.map((edge) => ({ ...edge, id: `x${edge.id}` }));
    after.variables = [
      { name: 'rating', default: 'none' },
      { name: 'topic', default: null },
    ];
    const diff = diffFlows(before, after);
    expect(diff.edges).toEqual({ added: [], removed: [] });
    expect(diff.variables).toEqual({
      added: [{ name: 'topic', default: null }],
      removed: [{ name: 'offHoursMessage', default: null }],
      changed: [{ name: 'rating', default: { before: null, after: 'none' } }],
    });
  });

  it('reports a node replaced by another type under the same id, and notes', () => {
    const after = structuredClone(before);
    const bye = after.nodes.find((node) => node.id === 'bye');
    if (!bye) throw new Error('example changed');
    bye.type = 'set-variable';
    bye.settings = { assignments: [] };
    after.notes = [{ id: 'n1', text: 'remember holidays', position: { x: 0, y: 0 } }];
    const diff = diffFlows(before, after);
    expect(diff.nodes.changed).toEqual([
      {
        id: 'bye',
        type: 'set-variable',
        typeChange: { before: 'close', after: 'set-variable' },
        settings: ['message', 'solution', 'assignments'],
      },
    ]);
    expect(diff.notes).toEqual({ added: ['n1'], removed: [], changed: [] });
  });
});

describe('changedPaths', () => {
  it('descends into objects and arrays and ignores key order', () => {
    expect(
      changedPaths(
        { rules: [{ id: 'a', keywords: ['x'] }], mode: 'rules', extra: { a: 1, b: 2 } },
        {
          mode: 'rules',
          rules: [{ id: 'a', keywords: ['x', 'y'] }, { id: 'b' }],
          extra: { b: 2, a: 1 },
        },
      ),
    ).toEqual(['rules[0].keywords[1]', 'rules[1]']);
    expect(changedPaths({ a: 1 }, { a: 1 })).toEqual([]);
    expect(changedPaths({ a: { b: 1 } }, { a: 'flat' })).toEqual(['a']);
  });
});
