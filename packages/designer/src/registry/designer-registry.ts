import { createRegistry } from '@attendflow/engine';
import { channelDefinitions, nodeDefinitions } from '@attendflow/nodes/definitions';

/** Node types and channels the designer draws and validates with: definitions only, no runtimes. */
export const designerRegistry = createRegistry({
  nodes: nodeDefinitions,
  channels: channelDefinitions,
});
