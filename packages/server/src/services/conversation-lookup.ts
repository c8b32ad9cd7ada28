import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { conversations } from '../db/schema/index.js';

/** An attendance as {@link latestAttendance} finds it. */
export interface Attendance {
  id: string;
  channel: string;
  status: string;
}

/**
 * The attendance an external id names on a connection: the open one (there is at most one),
 * else the newest. A receptive-only channel keeps its closed attendances beside the open one.
 */
export async function latestAttendance(
  db: Db,
  connectionId: string,
  externalId: string,
): Promise<Attendance | null> {
  const [row] = await db
    .select({ id: conversations.id, channel: conversations.channel, status: conversations.status })
    .from(conversations)
    .where(
      and(eq(conversations.connectionId, connectionId), eq(conversations.externalId, externalId)),
    )
    .orderBy(sql`${conversations.status} = 'closed'`, desc(conversations.createdAt))
    .limit(1);
  return row ?? null;
}
