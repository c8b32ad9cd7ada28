import type { Flow } from '@attendflow/engine';
import { describe, expect, it } from 'vitest';
import type { FlowFigures, LoggedEvent } from './analytics-api';
import { figuresOverlay, replayOverlay, replaySteps } from './analytics-overlay';

const flow = {
  nodes: [{ id: 'start' }, { id: 'ack' }, { id: 'wait' }, { id: 'close' }],
  edges: [
    { id: 'e1', source: 'start', sourcePort: 'next', target: 'ack' },
    { id: 'e2', source: 'ack', sourcePort: 'next', target: 'wait' },
    { id: 'e3', source: 'wait', sourcePort: 'answered', target: 'close' },
  ],
} as Flow;

describe('analytics overlay', () => {
  it('puts visits and drop-off on nodes and traversals on edges', () => {
    const figures: FlowFigures = {
      flowId: 'f',
      version: { id: 'v', number: 2, createdAt: '' },
      conversations: 3,
      nodes: [
        {
          nodeId: 'start',
          type: 'trigger',
          label: null,
          visits: 3,
          entries: 3,
          exits: { next: 3 },
          dropOff: 0,
          waiting: 0,
        },
        {
          nodeId: 'wait',
          type: 'x',
          label: null,
          visits: 3,
          entries: 4,
          exits: { answered: 1 },
          dropOff: 2,
          waiting: 2,
        },
      ],
      edges: [
        { edgeId: 'e1', source: 'start', sourcePort: 'next', target: 'ack', traversals: 3 },
        { edgeId: 'e3', source: 'wait', sourcePort: 'answered', target: 'close', traversals: 0 },
      ],
    };
    const overlay = figuresOverlay(figures);
    expect(overlay.nodes.get('wait')).toEqual({ visits: 3, dropOff: 2 });
    expect(overlay.nodes.get('start')).toEqual({ visits: 3, dropOff: 0 });
    expect(overlay.edges.get('e1')).toEqual({ label: '3', isHighlighted: true });
    expect(overlay.edges.get('e3')).toEqual({ label: '0', isHighlighted: false });
  });

  it('replays a conversation node by node from its event log, ignoring malformed entries', () => {
    const events: LoggedEvent[] = [
      {
        seq: 2,
        type: 'agent.reply',
        createdAt: '',
        trace: [
          { nodeId: 'wait', kind: 'exit', port: 'answered', at: 5 },
          { nodeId: 'close', kind: 'enter', at: 5 },
        ],
      },
      {
        seq: 1,
        type: 'conversation.started',
        createdAt: '',
        trace: [
          { nodeId: 'start', kind: 'enter', at: 0 },
          { nodeId: 'start', kind: 'exit', port: 'next', at: 0 },
          { nodeId: 'ack', kind: 'enter', at: 0 },
          { nodeId: 'ack', kind: 'exit', port: 'next', at: 0 },
          'junk',
          { nodeId: 'wait', kind: 'enter', at: 0 },
        ],
      },
    ];
    const steps = replaySteps(events);
    expect(steps.map((step) => [step.nodeId, step.event, step.seq])).toEqual([
      ['start', 'conversation.started', 1],
      ['ack', 'conversation.started', 1],
      ['wait', 'conversation.started', 1],
      ['close', 'agent.reply', 2],
    ]);
    const atAck = replayOverlay(flow, steps[1]!);
    expect(atAck.nodes.get('ack')).toEqual({ isVisited: true, isActive: true });
    expect(atAck.nodes.get('start')).toEqual({ isVisited: true });
    expect(atAck.nodes.has('wait')).toBe(false);
    expect([...atAck.edges.keys()]).toEqual(['e1']);
    expect([...replayOverlay(flow, steps[3]!).edges.keys()]).toEqual(['e1', 'e2', 'e3']);
  });
});
