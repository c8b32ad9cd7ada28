import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../core.js';
import type { Database } from '../db/database.js';
import { flowVersions } from '../db/schema/index.js';
import { seedConnection, apiSettings } from '../testing/seed.js';
import { testBackends } from '../testing/test-databases.js';
import { crashFlow } from '../testing/traffic.js';
import { openConversations, type OpenRequest } from './conversation-opener.js';

describe.each(testBackends())('opening conversations on $name', (backend) => {
  let database: Database;
  let connectionId = '';
  let flowId = '';
  let latestVersionId = '';

  const request = (externalId: string, overrides: Partial<OpenRequest> = {}): OpenRequest => ({
    connectionId,
    channel: 'api',
    externalId,
    flowId,
    subject: `subject ${externalId}`,
    customer: { name: externalId, fields: {} },
    mayOpen: true,
    ...overrides,
  });
  const rowsOf = (externalId: string) =>
    database.rows<{ id: string; status: string; flow_version_id: string; subject: string }>(
      `select id, status, flow_version_id, subject from conversations
       where connection_id = $1 and external_id = $2 order by created_at`,
      [connectionId, externalId],
    );

  beforeAll(async () => {
    database = await backend.open();
    const core = createCore({ database, secretKey: randomBytes(32) });
    ({ connectionId, flowId } = await seedConnection(database.db, core.connections, {
      type: 'api',
      flow: crashFlow(),
      settings: apiSettings('http://127.0.0.1:9/unused'),
    }));
    // A second published version: new conversations are pinned to the latest.
    const [version] = await database.db
      .insert(flowVersions)
      .values({ flowId, number: 2, document: crashFlow(), message: 'second' })
      .returning();
    latestVersionId = version?.id ?? '';
  });
  afterAll(() => database.close());

  it('opens the new ones pinned to the latest version, finds the known ones, in one statement', async () => {
    const [known] = await openConversations(database.db, [request('known')]);
    const knownId = known?.opened?.id ?? '';
    expect(known).toEqual({ found: null, opened: { id: knownId, flowVersionId: latestVersionId } });

    const outcomes = await openConversations(database.db, [
      request('new-1'),
      request('known'),
      request('unknown', { mayOpen: false }),
      request('new-2'),
    ]);
    expect(outcomes[1]).toEqual({
      found: { id: knownId, channel: 'api', status: 'waiting' },
      opened: null,
    });
    expect(outcomes[2]).toEqual({ found: null, opened: null });
    for (const [index, externalId] of [
      [0, 'new-1'],
      [3, 'new-2'],
    ] as const) {
      const [row] = await rowsOf(externalId);
      expect(outcomes[index]).toEqual({
        found: null,
        opened: { id: row?.id, flowVersionId: latestVersionId },
      });
      expect(row).toMatchObject({
        flow_version_id: latestVersionId,
        subject: `subject ${externalId}`,
      });
    }
    expect(await rowsOf('known')).toHaveLength(1);
    expect(await rowsOf('unknown')).toHaveLength(0);
  });

  it('gives twin requests of one batch the one conversation the unique open attendance allows', async () => {
    const [a, b] = await openConversations(database.db, [request('twin'), request('twin')]);
    const rows = await rowsOf('twin');
    expect(rows).toHaveLength(1);
    expect(a?.opened?.id).toBe(rows[0]?.id);
    expect(b?.opened?.id).toBe(rows[0]?.id);
  });

  it('opens nothing for a connection without a flow', async () => {
    const [outcome] = await openConversations(database.db, [request('flowless', { flowId: null })]);
    expect(outcome).toEqual({ found: null, opened: null });
    expect(await rowsOf('flowless')).toHaveLength(0);
  });

  it('finds the open attendance before closed ones, and opens a new one beside a closed one when asked', async () => {
    const [first] = await openConversations(database.db, [request('returning')]);
    await database.rows(`update conversations set status = 'closed' where id = $1`, [
      first?.opened?.id,
    ]);
    const [closed] = await openConversations(database.db, [request('returning')]);
    expect(closed).toEqual({
      found: { id: first?.opened?.id, channel: 'api', status: 'closed' },
      opened: null,
    });
    const [again] = await openConversations(database.db, [
      request('returning', { isNewAttendance: true }),
    ]);
    const rows = await rowsOf('returning');
    expect(rows.map((row) => row.status)).toEqual(['closed', 'waiting']);
    expect(again?.opened?.id).toBe(rows[1]?.id);
    const [latest] = await openConversations(database.db, [request('returning')]);
    expect(latest?.found).toEqual({ id: rows[1]?.id, channel: 'api', status: 'waiting' });
  });
});
