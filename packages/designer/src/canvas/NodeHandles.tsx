import { Handle } from '@xyflow/react';
import { handleStyle, type NodeBox } from './node-box';

const classes: Record<string, string> = { in: 'handle-in', error: 'handle-error' };

/** A node's handles, each drawn where its box puts it (so React Flow never has to look). */
export function NodeHandles({ box, errorTitle }: { box: NodeBox; errorTitle: string }) {
  return box.handles.map((handle) => {
    const id = handle.id ?? '';
    return (
      <Handle
        key={id}
        type={handle.type}
        position={handle.position}
        id={id}
        className={classes[id] ?? 'handle-out'}
        style={handleStyle(handle)}
        {...(id === 'error' ? { title: errorTitle } : {})}
      />
    );
  });
}
