import { describe, expect, it } from 'vitest';
import { raLike, testFlow, testRegistry } from '../conversation/fixtures/test-runtime-nodes.js';
import { formatOffset, toMs } from './duration.js';
import { runFlow } from './run-flow.js';
import { script } from './script.js';

const flow = testFlow(
  [
    ['start', 'start'],
    ['ack', 'say', { text: 'We got your complaint, {{customer.name}}', visibility: 'public' }],
    ['more', 'say', { text: 'An agent will answer soon' }],
    ['wait', 'wait-reply', { ms: 600_000 }],
    ['thanks', 'say', { text: 'Thanks: {{answer}}' }],
    ['nudge', 'say', { text: 'Still there?' }],
    ['end', 'finish', { solution: 'answered' }],
  ],
  [
    'start:next>ack',
    'ack:next>more',
    'more:next>wait',
    'wait:replied>thanks',
    'wait:timeout>nudge',
    'thanks:next>end',
    'nudge:next>end',
  ],
);
const options = {
  registry: testRegistry,
  channel: raLike,
  start: { customer: { name: 'Ana', fields: {} }, text: 'Broken phone' },
};

describe('runFlow', () => {
  it('writes a readable transcript on the fake clock, with rule adjustments and spacing', () => {
    const run = runFlow(flow, [script.wait('10m')], options);
    expect(run.transcript.lines()).toEqual([
      '+0:00:00  customer              «Broken phone»',
      '+0:00:00  bot           private «We got your complaint, Ana» [CHANNEL_AUTOMATIC_VISIBILITY]  (ack)',
      '+0:00:25  bot           private «An agent will answer soon» [CHANNEL_AUTOMATIC_VISIBILITY]  (more)',
      '+0:10:00  bot           private «Still there?» [CHANNEL_AUTOMATIC_VISIBILITY]  (nudge)',
      '+0:10:00  system                ■ status=closed solution=answered',
    ]);
    expect(run.at).toBe('$closed');
    expect(run.elapsed).toBe(600_000);
    expect(run.pendingTimers).toEqual({});
  });

  it('records refusals without applying them and keeps timers that are still armed', () => {
    const run = runFlow(
      flow,
      [
        script.reply('Answer', 'public', 'bia'),
        script.reply('Another', 'public', 'bia'),
        script.requestEvaluation('bia'),
      ],
      options,
    );
    expect(run.rejections.map((r) => `${r.event}:${r.code}`)).toEqual([
      'agent.reply:CHANNEL_PUBLIC_ANSWER_LIMIT',
    ]);
    expect(
      run.transcript.entries
        .filter((e) => e.kind !== 'message')
        .map((e) => `${e.who} ${e.kind} ${e.code ?? e.text}`),
    ).toEqual([
      'system status status=in-attendance',
      'agent:bia refused CHANNEL_PUBLIC_ANSWER_LIMIT',
      'agent:bia action evaluation.request',
      'system status status=awaiting-evaluation',
    ]);
    expect(run.pendingTimers).toEqual({ t3: 600_000 });
    expect(run.at).toBe('wait');
  });

  it('jumps to the next timer', () => {
    const run = runFlow(flow, [script.nextTimer()], options);
    expect(run.elapsed).toBe(600_000);
    expect(run.at).toBe('$closed');
  });
});

describe('durations', () => {
  it('parses and formats', () => {
    expect(toMs('1h30m')).toBe(5_400_000);
    expect(toMs('25s')).toBe(25_000);
    expect(() => toMs('soon')).toThrow('not a duration');
    expect(formatOffset(90_061_000)).toBe('+1d 1:01:01');
  });
});
