import type { Registry } from '@attendflow/engine';
import { useCallback, useEffect, useState } from 'react';
import { pathOverlay } from '../canvas/canvas-overlay';
import { useEditor } from '../editor/editor-context';
import { createSimulationRegistry } from './simulation-registry';
import {
  startSimulator,
  type Simulator,
  type SimulatorAction,
  type SimulatorStart,
  type SimulatorView,
} from './simulator-driver';

let registry: Registry | null = null;
const simulationRegistry = () => (registry ??= createSimulationRegistry());

/** The simulator panel's session: start, act, and the run's path drawn on the canvas. */
export function useSimulator() {
  const { store, setOverlay } = useEditor();
  const [simulator, setSimulator] = useState<Simulator | null>(null);
  const [view, setView] = useState<SimulatorView | null>(null);
  const [startError, setStartError] = useState<string | null>(null);

  const start = useCallback(
    (options: SimulatorStart) => {
      try {
        const next = startSimulator(
          store.getState().history.present,
          simulationRegistry(),
          options,
        );
        setSimulator(next);
        setView(next.view());
        setStartError(null);
      } catch (e) {
        setStartError(e instanceof Error ? e.message : String(e));
      }
    },
    [store],
  );
  const act = useCallback(
    (action: SimulatorAction) => {
      if (simulator) setView(simulator.act(action));
    },
    [simulator],
  );
  const reset = useCallback(() => {
    setSimulator(null);
    setView(null);
  }, []);

  useEffect(() => {
    setOverlay(
      'simulator',
      view ? pathOverlay(store.getState().history.present, view.path, view.at) : null,
    );
  }, [view, store, setOverlay]);
  useEffect(() => () => setOverlay('simulator', null), [setOverlay]);

  return { view, start, act, reset, startError };
}
