import { createRegistry, type Registry } from '@attendflow/engine';
import { nodeRuntimes } from '@attendflow/nodes/node-runtimes';
import { designerRegistry } from '../registry/designer-registry';

/** The registry the simulator runs drafts with: the designer's own, plus the node runtimes. */
export function createSimulationRegistry(): Registry {
  return createRegistry({ ...designerRegistry.input, runtimes: nodeRuntimes });
}
