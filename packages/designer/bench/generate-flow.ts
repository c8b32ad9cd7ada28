/** A valid flow of `size` nodes for the canvas bench: trigger → auto-messages in a chain → close, on a grid. */
export function generateFlow(size: number, name = `Bench ${size} nodes`) {
  const columns = Math.max(1, Math.ceil(Math.sqrt(size * 1.6)));
  const at = (i: number) => ({ x: (i % columns) * 300, y: Math.floor(i / columns) * 170 });
  const ids = Array.from({ length: size }, (_, i) =>
    i === 0 ? 'start' : i === size - 1 ? 'end' : `m${i}`,
  );
  const nodes = ids.map((id, i) => {
    if (i === 0) return { id, type: 'trigger', typeVersion: 1, settings: {}, position: at(i) };
    if (i === size - 1)
      return { id, type: 'close', typeVersion: 1, settings: { solution: 'ok' }, position: at(i) };
    return {
      id,
      type: 'auto-message',
      typeVersion: 1,
      settings: { text: `Message ${i} for {{customer.name}}` },
      position: at(i),
      label: `Step ${i}`,
    };
  });
  const edges = ids
    .slice(0, -1)
    .map((id, i) => ({ id: `e${i}`, source: id, sourcePort: 'next', target: ids[i + 1] ?? 'end' }));
  return { schemaVersion: 1, name, nodes, edges, variables: [], notes: [] };
}
