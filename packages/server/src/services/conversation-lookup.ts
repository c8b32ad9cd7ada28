import type { Db } from '../db/database.js';
import { openConversations, type Attendance } from './conversation-opener.js';

export type { Attendance } from './conversation-opener.js';

/**
 * The attendance an external id names on a connection: the open one (there is at most one),
 * else the newest. A receptive-only channel keeps its closed attendances beside the open one.
 * The opener's statement, asked to open nothing: one place says how an attendance is found.
 */
export async function latestAttendance(
  db: Db,
  connectionId: string,
  externalId: string,
): Promise<Attendance | null> {
  const [outcome] = await openConversations(db, [
    {
      connectionId,
      channel: '',
      externalId,
      flowId: null,
      subject: null,
      customer: null,
      mayOpen: false,
    },
  ]);
  return outcome?.found ?? null;
}
