import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedConnection } from '../testing/seed.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { testBackends } from '../testing/test-databases.js';

const lines = (text: string) => text.split('\n').filter((line) => line !== '');

describe.each(testBackends())('/metrics on $name', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(backend);
  });
  afterAll(() => t.close());

  it('counts events, steps, rejections, deliveries, timer lag, step writes, requests, and reads the queues', async () => {
    const { connectionId } = await seedConnection(t.database.db, t.core.connections, {
      type: 'web-chat',
      settings: { distributeTo: 'SAC', offHoursEmail: 'chat@loja.example' },
    });
    const empty = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(empty.statusCode).toBe(200);
    expect(empty.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(lines(empty.body)).toEqual(
      expect.arrayContaining([
        '# TYPE attendflow_events_total counter',
        'attendflow_steps_total 0',
        'attendflow_deliveries_total{outcome="sent"} 0',
        'attendflow_timer_lag_seconds_count 0',
        'attendflow_step_write_seconds_count 0',
        'attendflow_outbox_pending 0',
        'attendflow_timers_due 0',
      ]),
    );

    // A visitor writes (started + greeting), writes again, an agent's private note is refused.
    const [started] = await t.core.runtime.ingest(connectionId, {
      externalId: 'visitor-1',
      dedupKey: 'm-1',
      start: { customer: { fields: {} }, metadata: {}, text: 'Oi' },
      event: { type: 'customer.message', messageId: 'm-1', text: 'Oi' },
    });
    const conversationId = started?.conversationId ?? '';
    await t.core.runtime.ingest(connectionId, {
      externalId: 'visitor-1',
      dedupKey: 'm-1',
      event: { type: 'customer.message', messageId: 'm-1', text: 'Oi' },
    });
    const refused = await t.core.runtime.dispatch(conversationId, {
      type: 'agent.reply',
      agentId: 'agent-1',
      text: 'nota',
      visibility: 'private',
    });
    expect(refused.status).toBe('rejected');
    const code = refused.status === 'rejected' ? refused.rejection.code : '';

    const pending = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(lines(pending.body)).toEqual(
      expect.arrayContaining(['attendflow_outbox_pending 1', 'attendflow_timers_due 0']),
    );
    expect(await t.core.outbox.runOnce()).toBe(1);

    // The wait-for-customer timer (60 min) fires 2 s late.
    t.clock.now += 60 * 60_000 + 2_000;
    expect(await t.core.timers.runOnce()).toBe(1);
    await t.app.inject({ method: 'GET', url: '/health' });
    await t.app.inject({ method: 'GET', url: '/api/nowhere?token=secret-in-url' });

    const body = (await t.app.inject({ method: 'GET', url: '/metrics' })).body;
    const byFamily = (name: string) =>
      lines(body).filter(
        (line) =>
          line.startsWith(`${name} `) || line.startsWith(`${name}{`) || line.startsWith(`${name}_`),
      );
    expect(byFamily('attendflow_events_total')).toEqual([
      'attendflow_events_total{type="conversation.started"} 1',
      'attendflow_events_total{type="timer.fired"} 1',
    ]);
    expect(byFamily('attendflow_steps_total')).toEqual(['attendflow_steps_total 3']);
    expect(byFamily('attendflow_rejections_total')).toEqual([
      `attendflow_rejections_total{code="${code}"} 1`,
    ]);
    expect(byFamily('attendflow_deliveries_total')).toEqual([
      'attendflow_deliveries_total{outcome="sent"} 1',
      'attendflow_deliveries_total{outcome="retry"} 0',
      'attendflow_deliveries_total{outcome="dead"} 0',
    ]);
    expect(byFamily('attendflow_timer_lag_seconds')).toEqual([
      'attendflow_timer_lag_seconds_bucket{le="0.05"} 0',
      'attendflow_timer_lag_seconds_bucket{le="0.1"} 0',
      'attendflow_timer_lag_seconds_bucket{le="0.25"} 0',
      'attendflow_timer_lag_seconds_bucket{le="0.5"} 0',
      'attendflow_timer_lag_seconds_bucket{le="1"} 0',
      'attendflow_timer_lag_seconds_bucket{le="2.5"} 1',
      'attendflow_timer_lag_seconds_bucket{le="5"} 1',
      'attendflow_timer_lag_seconds_bucket{le="10"} 1',
      'attendflow_timer_lag_seconds_bucket{le="30"} 1',
      'attendflow_timer_lag_seconds_bucket{le="60"} 1',
      'attendflow_timer_lag_seconds_bucket{le="300"} 1',
      'attendflow_timer_lag_seconds_bucket{le="+Inf"} 1',
      'attendflow_timer_lag_seconds_sum 2',
      'attendflow_timer_lag_seconds_count 1',
    ]);
    // Three step statements: the start, the repeated message (its guard wrote nothing) and the
    // timer; the refused action wrote none.
    const writes = byFamily('attendflow_step_write_seconds');
    expect(writes).toEqual(
      expect.arrayContaining([
        'attendflow_step_write_seconds_bucket{le="+Inf"} 3',
        'attendflow_step_write_seconds_count 3',
      ]),
    );
    const seconds = Number(writes.find((line) => line.includes('_sum '))?.split(' ')[1]);
    expect(seconds).toBeGreaterThan(0);
    expect(seconds).toBeLessThan(30);
    expect(byFamily('attendflow_outbox_pending')).toEqual(['attendflow_outbox_pending 1']);
    expect(byFamily('attendflow_timers_due')).toEqual(['attendflow_timers_due 0']);
    expect(byFamily('attendflow_http_requests_total')).toEqual([
      'attendflow_http_requests_total{method="GET",route="/health",status="200"} 1',
      'attendflow_http_requests_total{method="GET",route="/metrics",status="200"} 2',
      'attendflow_http_requests_total{method="GET",route="unmatched",status="404"} 1',
    ]);
    expect(body).not.toContain('secret-in-url');
    expect(body).not.toContain(t.adminToken);
  });
});
