import { validateFlow } from '@attendflow/engine';
import { fakeChannel, runFlow } from '@attendflow/engine/testing';
import { describe, expect, it } from 'vitest';
import { buildFlow } from '../../testing/flow-builder.js';
import { registryOf } from '../../testing/registry-of.js';
import { autoMessageRuntime } from '../auto-message/runtime.js';
import { triggerRuntime } from '../trigger/runtime.js';
import { businessHours } from './definition.js';
import { businessHoursRuntime } from './runtime.js';

const registry = registryOf([triggerRuntime, autoMessageRuntime, businessHoursRuntime]);
const chat = fakeChannel({ type: 'fake-chat', policies: { visibilities: ['public'] } });

function hoursFlow(settings: Record<string, unknown> = {}) {
  return buildFlow(
    [
      { id: 'start', type: 'trigger' },
      { id: 'hours', type: 'business-hours', settings },
      {
        id: 'open-msg',
        type: 'auto-message',
        settings: { text: 'Um atendente já vem', visibility: 'public' },
      },
      {
        id: 'closed-msg',
        type: 'auto-message',
        settings: { text: 'Estamos fechados', visibility: 'public' },
      },
    ],
    ['start.next -> hours', 'hours.open -> open-msg', 'hours.closed -> closed-msg'],
  );
}

function answerAt(startAt: string, settings: Record<string, unknown> = {}) {
  const run = runFlow(hoursFlow(settings), [], {
    registry,
    channel: chat,
    startAt,
    start: { text: 'Oi' },
  });
  const port = run.trace.find((entry) => entry.nodeId === 'hours' && entry.kind === 'exit')?.port;
  return [port, run.transcript.messages.at(-1)?.text];
}

describe('business-hours', () => {
  it('is open on a weekday within the default hours in São Paulo, closed on Sunday and at night', () => {
    expect(answerAt('2026-01-05T12:00:00Z')).toEqual(['open', 'Um atendente já vem']); // Mon 09:00
    expect(answerAt('2026-01-04T15:00:00Z')).toEqual(['closed', 'Estamos fechados']); // Sun 12:00
    expect(answerAt('2026-01-06T01:00:00Z')).toEqual(['closed', 'Estamos fechados']); // Mon 22:00 (Tue in UTC)
  });

  it('honours holidays, special hours and a night shift crossing midnight in Moscow', () => {
    expect(answerAt('2026-01-05T15:00:00Z', { schedule: { holidays: ['2026-01-05'] } })).toEqual([
      'closed',
      'Estamos fechados',
    ]);
    const sundaySpecial = {
      schedule: {
        specialHours: [{ date: '2026-01-04', intervals: [{ from: '10:00', to: '14:00' }] }],
      },
    };
    expect(answerAt('2026-01-04T15:00:00Z', sundaySpecial)).toEqual([
      'open',
      'Um atendente já vem',
    ]);
    const night = {
      schedule: {
        timeZone: 'Europe/Moscow',
        weekly: [[], [], [], [], [], [{ from: '22:00', to: '02:00' }], []],
      },
    };
    expect(answerAt('2026-01-09T22:30:00Z', night)).toEqual(['open', 'Um atendente já vem']); // Sat 01:30 Moscow
    expect(answerAt('2026-01-09T23:30:00Z', night)).toEqual(['closed', 'Estamos fechados']); // Sat 02:30 Moscow
  });

  it('names the field of a bad time zone and summarises itself', () => {
    const { issues } = validateFlow(
      hoursFlow({ schedule: { timeZone: 'Brasil/Sao Paulo' } }),
      registry,
    );
    expect(
      issues
        .filter((issue) => issue.code === 'FLOW_NODE_SETTINGS_INVALID')
        .map((issue) => [issue.path, issue.message]),
    ).toEqual([
      [
        ['nodes', 1, 'settings', 'schedule', 'timeZone'],
        'business-hours "hours": settings.schedule.timeZone: unknown time zone "Brasil/Sao Paulo": use an IANA name such as America/Sao_Paulo',
      ],
    ]);
    const defaults = businessHours.settings.parse({});
    expect(businessHours.summary?.(defaults, { locale: 'en' })).toBe(
      'Mon–Fri 09:00–18:00 (America/Sao_Paulo)',
    );
    expect(businessHours.summary?.(defaults, { locale: 'pt-BR' })).toBe(
      'seg–sex 09:00–18:00 (America/Sao_Paulo)',
    );
  });
});
