import { createRegistry, type Registry } from '@attendflow/engine';
import { channelDefinitions, nodeDefinitions } from '@attendflow/nodes/definitions';
import { nodeRuntimes } from '@attendflow/nodes/node-runtimes';

/** The registry the simulator runs drafts with: the designer's definitions plus node runtimes. */
export function createSimulationRegistry(): Registry {
  return createRegistry({
    nodes: nodeDefinitions,
    channels: channelDefinitions,
    runtimes: nodeRuntimes,
  });
}
