import { demoData } from './demo-data.js';
import type { DemoSimulators } from './demo-simulators.js';

/** The simulator ids of what {@link seedSimulators} created. */
export interface SeededSimulators {
  complaintIds: number[];
  wishTicketIds: string[];
  telegramUserId: number;
}

/**
 * Fills fresh simulators with the demo complaints, Wish tickets and Telegram chat, through the
 * same actor endpoints the banner shows for curl. Wish replies are dated `wishEpoch` (when the demo
 * connections were made) because the Wish dedup key carries the reply's date: the same date every
 * start keeps a restarted demo from reading them as new messages.
 */
export async function seedSimulators(
  sims: DemoSimulators,
  wishEpoch: number,
): Promise<SeededSimulators> {
  const complaintIds: number[] = [];
  for (const complaint of demoData.complaints) {
    const ticket = await postJson<{ id: number }>(
      `${sims.urls.reclameAqui.url}/__sim/ra/complaints`,
      complaint,
    );
    complaintIds.push(ticket.id);
  }
  const wishTicketIds: string[] = [];
  const clock = sims.wish.clock;
  const offset = clock.now() - Date.now();
  clock.set(wishEpoch);
  try {
    for (const ticket of demoData.wishTickets) {
      const created = await postJson<{ Ticket: { id: string } }>(
        `${sims.urls.wish.url}/__sim/wish/tickets`,
        ticket,
      );
      wishTicketIds.push(created.Ticket.id);
    }
  } finally {
    clock.set(Date.now() + offset);
  }
  const { bot, user, firstMessage } = demoData.telegram;
  const telegram = `${sims.urls.telegram.url}/__sim/telegram`;
  await postJson(`${telegram}/bots`, bot);
  await postJson(`${telegram}/users`, user);
  await postJson(`${telegram}/users/${user.id}/send`, { text: firstMessage });
  // The fixtures keep their ids every start; whatever is made after them (curl, the console)
  // counts on from the clock, so a restarted demo never repeats an id the server has seen.
  const floor = idFloor(Date.now());
  for (const sim of [sims.reclameAqui, sims.wish, sims.telegram.sim]) sim.raiseIds(floor);
  return { complaintIds, wishTicketIds, telegramUserId: user.id };
}

/**
 * Milliseconds since 2026-01-01: it grows faster between restarts than a person can make things
 * in the simulators, and stays far below 2^53 for every vendor's numeric ids.
 */
export function idFloor(now: number): number {
  return now - Date.UTC(2026, 0, 1);
}

async function postJson<T>(url: string, body: unknown): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok)
    throw new Error(
      `demo seeding: POST ${url} answered ${response.status}: ${await response.text()}`,
    );
  return (await response.json()) as T;
}
