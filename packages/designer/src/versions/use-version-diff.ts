import { useCallback, useEffect, useState } from 'react';
import { useSession } from '../app/session-context';
import { useEditor } from '../editor/editor-context';
import { fetchDiff, type FlowRef } from './diff-api';
import { diffOverlay, diffRows, labelsOf, type DiffRow } from './diff-overlay';

/** A comparison on screen: its two sides and the rows. */
export interface ShownDiff {
  from: FlowRef;
  to: FlowRef;
  rows: DiffRow[];
}

/** Loads a diff from the server, lists it and marks it on the canvas while the panel is open. */
export function useVersionDiff() {
  const { api } = useSession();
  const { flowId, store, setOverlay } = useEditor();
  const [shown, setShown] = useState<ShownDiff | null>(null);
  const [error, setError] = useState<string | null>(null);
  const compare = useCallback(
    async (from: FlowRef, to: FlowRef) => {
      try {
        const diff = await fetchDiff(api, flowId, from, to);
        const flow = store.getState().history.present;
        setShown({ from, to, rows: diffRows(diff, labelsOf(flow)) });
        setOverlay('versions', diffOverlay(diff, flow));
        setError(null);
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
      }
    },
    [api, flowId, store, setOverlay],
  );
  const clear = useCallback(() => {
    setShown(null);
    setOverlay('versions', null);
  }, [setOverlay]);
  useEffect(() => () => setOverlay('versions', null), [setOverlay]);
  return { shown, error, compare, clear };
}
