import type { Core } from '../core.js';
import { ensureDemoConnections, type DemoConnection } from './demo-connections.js';
import type { DemoSimulators } from './demo-simulators.js';
import { seedSimulators, type SeededSimulators } from './seed-simulators.js';

/** What {@link seedDemo} did. */
export interface SeededDemo {
  connections: DemoConnection[];
  simulators: SeededSimulators;
}

/**
 * Demo mode at every start: the demo connections (made on a first start, when `flowIds` of the
 * just-seeded example flows are given; re-pointed at the simulators otherwise), the simulators
 * filled with the demo complaints, tickets and chat, and a sync of each connection requested now.
 * Running it again on the same database adds nothing: the simulators hand out the same ids and
 * the runtime's dedup drops what it already applied.
 *
 * @example
 * const sims = await startDemoSimulators(demoPorts(3100));
 * await seedDemo(core, sims, seeded?.flowIds ?? null);
 */
export async function seedDemo(
  core: Core,
  sims: DemoSimulators,
  flowIds: Record<string, string> | null,
): Promise<SeededDemo> {
  const connections = await ensureDemoConnections(core, sims.urls, flowIds);
  const wish = connections.find((connection) => connection.type === 'wish');
  const simulators = await seedSimulators(sims, wish?.createdAt.getTime() ?? core.now());
  for (const connection of connections) await core.sync.requestSync(connection.id);
  core.wakeSync();
  return { connections, simulators };
}

/** Points the Reclame Aqui simulator's callbacks at the demo connection's inbound webhook. */
export function connectDemoCallbacks(
  sims: DemoSimulators,
  connections: DemoConnection[],
  appUrl: string,
): void {
  const reclameAqui = connections.find((connection) => connection.type === 'reclame-aqui');
  if (reclameAqui)
    sims.reclameAqui.pushes.configure({ url: `${appUrl}/api/channels/${reclameAqui.id}/inbound` });
}
