import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createRegistry } from '../plugin/registry.js';
import { fakeChannel } from '../testing/fake-channel.js';
import { createEngine } from './create-engine.js';
import { testFlow, testRuntimes } from './fixtures/test-runtime-nodes.js';

const t0 = Date.parse('2026-03-02T10:00:00Z');
const ticketChannel = fakeChannel({
  type: 'ticket-like',
  policies: { visibilities: ['public'], maxBodyLength: 20, evaluation: { requires: 'none' } },
  actions: {
    'ticket.reply-and-resolve': {
      label: 'Reply and resolve',
      payload: z.object({ reply: z.string(), reason: z.string().optional() }),
      by: 'agent',
      message: 'reply',
      closes: true,
    },
  },
});
const registry = createRegistry({
  nodes: testRuntimes.map((runtime) => runtime.definition),
  channels: [ticketChannel],
  runtimes: testRuntimes,
});
const version = {
  id: 'v1',
  flow: testFlow(
    [
      ['start', 'start'],
      ['wait', 'wait-reply', { ms: 60_000 }],
    ],
    ['start:next>wait'],
  ),
};

function begin(defaults?: Record<string, string>) {
  const engine = createEngine({ registry });
  const first = engine.step(
    version,
    null,
    {
      type: 'conversation.started',
      channel: ticketChannel.type,
      customer: { name: 'Ana', fields: {} },
      ...(defaults ? { defaults } : {}),
    },
    t0,
  );
  return { engine, first };
}

describe('attendance defaults and channel actions with a message', () => {
  it('starts the attendance in the connection’s sector and occurrence', () => {
    const { first } = begin({ sector: 'SAC', occurrenceType: 'Delivery', solution: 'answered' });
    expect(first.effects.filter((effect) => effect.kind === 'conversation.update')).toEqual([
      {
        kind: 'conversation.update',
        changes: { sector: 'SAC', occurrenceType: 'Delivery', solution: 'answered' },
      },
    ]);
  });

  it('refuses defaults that are not fields of an attendance', () => {
    const engine = createEngine({ registry });
    expect(() =>
      engine.step(
        version,
        null,
        {
          type: 'conversation.started',
          channel: ticketChannel.type,
          defaults: { sector: '' },
        } as never,
        t0,
      ),
    ).toThrow(/defaults\.sector/);
  });

  it('sends the action’s message under the message rules, then queues the action and closes', () => {
    const { engine, first } = begin();
    const done = engine.step(
      version,
      first.snapshot,
      {
        type: 'agent.action',
        agentId: 'u1',
        action: 'ticket.reply-and-resolve',
        payload: { reply: 'Refund sent', reason: 'done' },
      },
      t0 + 1_000,
    );
    expect(done.rejection).toBeNull();
    expect(done.effects.map((effect) => effect.kind)).toEqual(
      expect.arrayContaining(['message', 'channel.action', 'conversation.update']),
    );
    const message = done.effects.find((effect) => effect.kind === 'message');
    const action = done.effects.find((effect) => effect.kind === 'channel.action');
    const update = done.effects.find((effect) => effect.kind === 'conversation.update');
    expect(message).toMatchObject({ text: 'Refund sent', author: 'agent', visibility: 'public' });
    expect(action).toMatchObject({
      action: 'ticket.reply-and-resolve',
      payload: { reason: 'done' },
    });
    expect(update).toMatchObject({ changes: { status: 'closed' } });
  });

  it('refuses the whole action when its message breaks a rule, writing nothing', () => {
    const { engine, first } = begin();
    const refused = engine.step(
      version,
      first.snapshot,
      {
        type: 'agent.action',
        agentId: 'u1',
        action: 'ticket.reply-and-resolve',
        payload: { reply: 'a reply that is far too long for this channel' },
      },
      t0 + 1_000,
    );
    expect(refused.rejection?.code).toMatch(/^CHANNEL_/);
    expect(refused.effects).toEqual([]);
    expect(refused.snapshot).toEqual(first.snapshot);
  });
});

describe('transfer to another sector', () => {
  it('puts the conversation in the other sector’s queue, unassigned, without moving the flow', () => {
    const { engine, first } = begin({ sector: 'SAC' });
    const taken = engine.step(version, first.snapshot, { type: 'agent.took', agentId: 'u1' }, t0);
    const moved = engine.step(
      version,
      taken.snapshot,
      { type: 'agent.transferred', agentId: 'u1', sector: 'Financeiro' },
      t0 + 1_000,
    );
    expect(moved.rejection).toBeNull();
    expect(moved.snapshot.value).toBe(taken.snapshot.value);
    expect(moved.effects).toEqual([
      {
        kind: 'conversation.update',
        changes: { sector: 'Financeiro', queue: 'Financeiro', assignee: null, status: 'waiting' },
      },
    ]);
  });

  it('is refused once the attendance is closed', () => {
    const { engine, first } = begin();
    const closed = engine.step(
      version,
      first.snapshot,
      { type: 'agent.closed', agentId: 'u1' },
      t0,
    );
    const refused = engine.step(
      version,
      closed.snapshot,
      { type: 'agent.transferred', agentId: 'u1', sector: 'Financeiro' },
      t0 + 1_000,
    );
    expect(refused.rejection?.code).toBe('CHANNEL_CLOSED');
    expect(refused.effects).toEqual([]);
  });
});
