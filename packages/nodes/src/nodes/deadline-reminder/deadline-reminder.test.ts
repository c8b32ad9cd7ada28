import { describe, expect, it } from 'vitest';
import { runFlow, script } from '@attendflow/engine/testing';
import { wish } from '../../channels/wish/definition.js';
import { buildFlow } from '../../testing/flow-builder.js';
import { chatLike } from '../../testing/ra-like.js';
import { registryOf } from '../../testing/registry-of.js';
import { humanHandoffRuntime } from '../human-handoff/runtime.js';
import { localizedMessageRuntime } from '../localized-message/runtime.js';
import { triggerRuntime } from '../trigger/runtime.js';
import { waitForCustomerRuntime } from '../wait-for-customer/runtime.js';
import { deadlineReminderRuntime } from './runtime.js';

const registry = registryOf(
  [
    triggerRuntime,
    deadlineReminderRuntime,
    humanHandoffRuntime,
    waitForCustomerRuntime,
    localizedMessageRuntime,
  ],
  [wish, chatLike],
);
const HOUR = 3_600_000;
const sink = { timeout: { amount: 30, unit: 'days' } };

function flow(settings: Record<string, unknown> = {}, greet = false) {
  return buildFlow(
    [
      { id: 'start', type: 'trigger' },
      ...(greet
        ? [
            {
              id: 'greet',
              type: 'localized-message',
              settings: { texts: [{ language: 'en', text: 'Hi' }] },
            },
          ]
        : []),
      { id: 'answer', type: 'deadline-reminder', settings: { sector: 'Wish', ...settings } },
      { id: 'after', type: 'wait-for-customer', settings: sink },
      { id: 'late', type: 'human-handoff', settings: { sector: 'Wish' } },
    ],
    [
      ...(greet ? ['start.next -> greet', 'greet.next -> answer'] : ['start.next -> answer']),
      'answer.answered -> after',
      'answer.late -> late',
    ],
  );
}
const start = { subject: 'Where is my order?', text: 'Where is my order?' };

describe('deadline-reminder', () => {
  it('reminds the agents 8 h before Wish’s 48 h deadline and leaves on their answer', () => {
    const result = runFlow(
      flow(),
      [script.nextTimer(), script.wait('1h'), script.reply('On its way')],
      {
        registry,
        channel: 'wish',
        start,
      },
    );
    expect(result.transcript.lines()).toEqual([
      '+0:00:00  customer              «Where is my order?»',
      '+0:00:00  system                ■ sector=Wish queue=Wish',
      '+1d 16:00:00  system                ! «Where is my order?»: the answer is due soon  (answer)',
      '+1d 17:00:00  agent:agent-1 public  «On its way»',
      '+1d 17:00:00  system                ■ status=in-attendance queue=∅',
    ]);
    expect(result.at).toBe('after');
    // The deadline timer went with the node: only the sink's is left.
    expect(Object.values(result.pendingTimers)).toEqual([41 * HOUR + 30 * 24 * HOUR]);
  });

  it('arms both timers as durable timer effects at the reminder and the deadline', () => {
    const result = runFlow(flow({ remindBefore: { amount: 2, unit: 'hours' } }), [], {
      registry,
      channel: 'wish',
      start,
    });
    expect(Object.values(result.pendingTimers).sort((a, b) => a - b)).toEqual([
      46 * HOUR,
      48 * HOUR,
    ]);
    expect(result.effects.filter((e) => e.kind === 'timer.arm')).toHaveLength(2);
  });

  it('leaves through late with an error alert when the deadline passes', () => {
    const result = runFlow(flow(), [script.nextTimer(), script.nextTimer()], {
      registry,
      channel: 'wish',
      start,
    });
    expect(result.transcript.lines().slice(2)).toEqual([
      '+1d 16:00:00  system                ! «Where is my order?»: the answer is due soon  (answer)',
      '+2d 0:00:00   system                ! «Where is my order?» missed its answer deadline  (answer)',
    ]);
    expect(
      result.effects.filter((e) => e.kind === 'alert').map((e) => e.kind === 'alert' && e.level),
    ).toEqual(['warning', 'error']);
    expect(result.at).toBe('late');
  });

  it('leaves at once through answered when the company spoke last, and follows the new round', () => {
    const result = runFlow(
      flow({}, true),
      [script.wait('10h'), script.customer('Still nothing'), script.wait('45h')],
      { registry, channel: 'wish', start },
    );
    expect(
      result.trace.filter((e) => e.kind === 'exit').map((e) => `${e.nodeId}.${e.port}`),
    ).toEqual(['start.next', 'greet.next', 'answer.answered', 'after.replied']);
    // After the greeting the flow waits for the buyer; the buyer's message opens a new 48 h round.
    expect(result.conversation.answerDueAt).toBe(Date.parse('2026-01-05T12:00:00Z') + 58 * HOUR);
  });

  it('uses its own deadline on a channel without one, and none when not set', () => {
    const fallback = runFlow(
      flow({ fallbackDeadline: { amount: 10, unit: 'hours' } }),
      [script.drainTimers()],
      {
        registry,
        channel: chatLike,
        start,
      },
    );
    expect(fallback.transcript.lines().filter((line) => line.includes('!'))).toEqual([
      '+2:00:00  system                ! «Where is my order?»: the answer is due soon  (answer)',
      '+10:00:00 system                ! «Where is my order?» missed its answer deadline  (answer)',
    ]);
    const none = runFlow(flow(), [script.wait('30d')], { registry, channel: chatLike, start });
    expect(none.at).toBe('answer');
    expect(none.pendingTimers).toEqual({});
  });
});
