import { describe, expect, it } from 'vitest';
import { createEngine, type ConversationSnapshot } from './create-engine.js';
import { raLike, testFlow, testRegistry } from './fixtures/test-runtime-nodes.js';

const t0 = Date.parse('2026-03-02T10:00:00Z');
const flow = testFlow(
  [
    ['start', 'start'],
    ['ack', 'say', { text: 'Hello {{customer.name}}', visibility: 'public' }],
    ['wait', 'wait-reply', { ms: 60_000 }],
    ['thanks', 'say', { text: 'You said {{answer}}' }],
    ['bye', 'say', { text: 'Nobody there?' }],
  ],
  ['start:next>ack', 'ack:next>wait', 'wait:replied>thanks', 'wait:timeout>bye'],
);
const version = { id: 'v1', flow };
const started = {
  type: 'conversation.started' as const,
  channel: raLike.type,
  customer: { name: 'Ana', fields: {} },
};

function begin() {
  const engine = createEngine({ registry: testRegistry });
  const first = engine.step(version, null, started, t0);
  return { engine, first };
}

describe('createEngine().step', () => {
  it('runs to the first wait, forcing automatic messages private and arming the timer', () => {
    const { first } = begin();
    expect(first.rejection).toBeNull();
    expect(first.snapshot.value).toBe('wait');
    expect(first.effects).toEqual([
      {
        kind: 'message',
        id: 'm1',
        text: 'Hello Ana',
        visibility: 'private',
        author: 'bot',
        attachments: [],
        notBefore: t0,
        nodeId: 'ack',
        adjustedBy: ['CHANNEL_AUTOMATIC_VISIBILITY'],
      },
      {
        kind: 'timer.arm',
        timerId: 't2',
        dueAt: t0 + 60_000,
        event: { type: 'timer.fired', timerId: 't2' },
      },
    ]);
    expect(first.trace.map((entry) => `${entry.kind}:${entry.nodeId}:${entry.port ?? ''}`)).toEqual(
      ['enter:start:', 'exit:start:next', 'enter:ack:', 'exit:ack:next', 'enter:wait:'],
    );
  });

  it('follows the event port, cancels the node timer and spaces messages by the channel rule', () => {
    const { engine, first } = begin();
    const next = engine.step(
      version,
      first.snapshot,
      { type: 'customer.message', text: 'oi' },
      t0 + 5_000,
    );
    expect(next.snapshot.value).toBe('$ended');
    expect(next.effects).toEqual([
      { kind: 'timer.cancel', timerId: 't2' },
      expect.objectContaining({ kind: 'message', text: 'You said oi', notBefore: t0 + 25_000 }),
      { kind: 'flow.stopped', reason: 'ended' },
    ]);
  });

  it('feeds a due timer back and ignores a stale one', () => {
    const { engine, first } = begin();
    const fired = engine.step(
      version,
      first.snapshot,
      { type: 'timer.fired', timerId: 't2' },
      t0 + 60_000,
    );
    expect(fired.effects.filter((effect) => effect.kind === 'message').map((m) => m.text)).toEqual([
      'Nobody there?',
    ]);
    const stale = engine.step(
      version,
      fired.snapshot,
      { type: 'timer.fired', timerId: 't2' },
      t0 + 61_000,
    );
    expect(stale.effects).toEqual([]);
    expect(stale.snapshot.value).toBe('$ended');
  });

  it('continues identically from a snapshot that went through JSON', () => {
    const { engine, first } = begin();
    const revived = JSON.parse(JSON.stringify(first.snapshot)) as ConversationSnapshot;
    const a = engine.step(version, first.snapshot, { type: 'customer.message', text: 'x' }, t0 + 1);
    const b = engine.step(version, revived, { type: 'customer.message', text: 'x' }, t0 + 1);
    expect(b).toEqual(a);
  });

  it('does not mutate the snapshot it is given', () => {
    const { engine, first } = begin();
    const before = JSON.stringify(first.snapshot);
    engine.step(version, first.snapshot, { type: 'customer.message', text: 'x' }, t0 + 1);
    expect(JSON.stringify(first.snapshot)).toBe(before);
  });

  it('rejects a second public answer as a whole and returns the snapshot unchanged', () => {
    const { engine, first } = begin();
    const one = engine.step(
      version,
      first.snapshot,
      { type: 'agent.reply', agentId: 'bia', text: 'Resolved', visibility: 'public' },
      t0 + 1_000,
    );
    expect(one.rejection).toBeNull();
    expect(one.snapshot.context.exchange.publicAnswers).toBe(1);
    expect(one.snapshot.context.fields).toMatchObject({ assignee: 'bia', status: 'in-attendance' });
    const two = engine.step(
      version,
      one.snapshot,
      { type: 'agent.reply', agentId: 'bia', text: 'Again', visibility: 'public' },
      t0 + 60_000,
    );
    expect(two.rejection).toEqual({
      code: 'CHANNEL_PUBLIC_ANSWER_LIMIT',
      message: 'this channel takes at most 1 public answer(s) per conversation',
      params: { max: 1 },
    });
    expect(two.snapshot).toBe(one.snapshot);
    expect(two.effects).toEqual([]);
    const privately = engine.step(
      version,
      one.snapshot,
      { type: 'agent.reply', agentId: 'bia', text: 'By e-mail', visibility: 'private' },
      t0 + 60_000,
    );
    expect(privately.rejection).toBeNull();
  });

  it('refuses an evaluation request before the public answer', () => {
    const { engine, first } = begin();
    const early = engine.step(
      version,
      first.snapshot,
      { type: 'agent.requested-evaluation', agentId: 'bia' },
      t0 + 1,
    );
    expect(early.rejection?.code).toBe('CHANNEL_EVALUATION_BEFORE_ANSWER');
  });

  it('refuses everything an agent does after close on a receptive-only channel', () => {
    const { engine, first } = begin();
    const closed = engine.step(
      version,
      first.snapshot,
      { type: 'agent.closed', agentId: 'bia', solution: 'solved' },
      t0 + 1,
    );
    expect(closed.snapshot.value).toBe('$closed');
    expect(closed.effects).toEqual([
      { kind: 'timer.cancel', timerId: 't2' },
      { kind: 'conversation.update', changes: { status: 'closed', solution: 'solved' } },
    ]);
    for (const event of [
      { type: 'agent.reply', agentId: 'bia', text: 'late', visibility: 'private' },
      { type: 'agent.took', agentId: 'bia' },
      { type: 'agent.closed', agentId: 'bia' },
    ] as const) {
      const late = engine.step(version, closed.snapshot, event, t0 + 2);
      expect(late.rejection?.code).toBe('CHANNEL_RECEPTIVE_ONLY');
      expect(late.effects).toEqual([]);
    }
    expect(
      engine.step(version, closed.snapshot, { type: 'customer.message', text: 'hello?' }, t0 + 3)
        .effects,
    ).toEqual([]);
  });

  it('caches the compiled flow per version id', () => {
    const engine = createEngine({ registry: testRegistry });
    expect(engine.compile(version)).toBe(engine.compile({ id: 'v1', flow }));
    expect(engine.compile({ id: 'v2', flow })).not.toBe(engine.compile(version));
  });

  it('refuses events out of order and malformed events with a typed error', () => {
    const { engine, first } = begin();
    expect(() => engine.step(version, null, { type: 'customer.message', text: 'x' }, t0)).toThrow(
      expect.objectContaining({ code: 'CONVERSATION_NOT_STARTED' }),
    );
    expect(() => engine.step(version, first.snapshot, started, t0)).toThrow(
      expect.objectContaining({ code: 'CONVERSATION_ALREADY_STARTED' }),
    );
    expect(() =>
      engine.step(
        version,
        first.snapshot,
        { type: 'agent.reply', agentId: '', text: 'x' } as never,
        t0,
      ),
    ).toThrow(
      expect.objectContaining({
        code: 'EVENT_INVALID',
        message: expect.stringContaining('agentId') as unknown,
      }),
    );
  });
});

describe('failures', () => {
  const engine = createEngine({ registry: testRegistry });

  it('follows the error port of a node that throws, dropping what it half did', () => {
    const flowWithError = testFlow(
      [
        ['start', 'start'],
        ['b', 'boom'],
        ['sorry', 'say', { text: 'Something went wrong' }],
      ],
      ['start:next>b', 'b:next>sorry', 'b:error>sorry'],
    );
    const result = engine.step({ id: 'err', flow: flowWithError }, null, started, t0);
    const kinds = result.effects.map((effect) =>
      effect.kind === 'message' ? effect.text : effect.kind,
    );
    expect(kinds).toEqual(['alert', 'Something went wrong', 'flow.stopped']);
  });

  it('marks the flow failed when no error port is connected, and agents carry on', () => {
    const flowFailing = testFlow(
      [
        ['start', 'start'],
        ['b', 'boom'],
      ],
      ['start:next>b'],
    );
    const v = { id: 'fail', flow: flowFailing };
    const result = engine.step(v, null, started, t0);
    expect(result.snapshot.value).toBe('$ended');
    expect(result.snapshot.context.flow).toBe('failed');
    expect(result.effects).toEqual([
      { kind: 'flow.stopped', reason: 'failed', code: 'FLOW_NODE_FAILED', nodeId: 'b' },
      {
        kind: 'alert',
        level: 'error',
        text: 'boom "b" failed: kaput',
        nodeId: 'b',
        code: 'FLOW_NODE_FAILED',
      },
    ]);
    const reply = engine.step(
      v,
      result.snapshot,
      { type: 'agent.reply', agentId: 'bia', text: 'Hi', visibility: 'public' },
      t0 + 1,
    );
    expect(reply.effects[0]).toMatchObject({
      kind: 'message',
      author: 'agent',
      visibility: 'public',
      text: 'Hi',
    });
  });

  it('stops a flow stuck in a loop at the step limit', () => {
    const loop = testFlow(
      [
        ['start', 'start'],
        ['a', 'liar'],
        ['b', 'liar'],
      ],
      ['start:next>a', 'a:next>b', 'b:next>a'],
    );
    const limited = createEngine({ registry: testRegistry, maxStepsPerEvent: 50 });
    const result = limited.step({ id: 'loop', flow: loop }, null, started, t0);
    expect(result.snapshot.context.flow).toBe('failed');
    expect(result.effects[0]).toEqual({
      kind: 'flow.stopped',
      reason: 'failed',
      code: 'FLOW_STEP_LIMIT',
      nodeId: 'b',
    });
    expect(result.trace.filter((entry) => entry.kind === 'enter')).toHaveLength(50);
  });
});
