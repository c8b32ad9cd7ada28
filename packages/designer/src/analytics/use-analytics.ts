import { useCallback, useEffect, useState } from 'react';
import { useSession } from '../app/session-context';
import { useEditor } from '../editor/editor-context';
import {
  fetchConversations,
  fetchEvents,
  fetchFigures,
  type ConversationRow,
  type FlowFigures,
} from './analytics-api';
import { figuresOverlay, replayOverlay, replaySteps, type ReplayStep } from './analytics-overlay';

/** A past conversation being replayed on the canvas. */
export interface Replay {
  conversation: ConversationRow;
  steps: ReplayStep[];
  index: number;
}

/** Loads a version's figures and its conversations; replays one; draws either on the canvas. */
export function useAnalytics() {
  const { api } = useSession();
  const { flowId, store, setOverlay, versionsTick } = useEditor();
  const [version, setVersion] = useState<number | undefined>(undefined);
  const [figures, setFigures] = useState<FlowFigures | null>(null);
  const [conversations, setConversations] = useState<ConversationRow[]>([]);
  const [replay, setReplay] = useState<Replay | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const next = await fetchFigures(api, flowId, version);
      const rows = await fetchConversations(api);
      setFigures(next);
      setConversations(rows.filter((row) => row.flowVersionId === next.version.id));
      setError(null);
    } catch (e) {
      setFigures(null);
      setError(e instanceof Error ? e.message : String(e));
    }
  }, [api, flowId, version]);
  useEffect(() => {
    void load();
  }, [load, versionsTick]);

  const open = useCallback(
    async (conversation: ConversationRow) => {
      try {
        const steps = replaySteps(await fetchEvents(api, conversation.id));
        setReplay({ conversation, steps, index: 0 });
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
      }
    },
    [api],
  );
  const go = useCallback((delta: number) => {
    setReplay((current) =>
      current
        ? {
            ...current,
            index: Math.min(Math.max(current.index + delta, 0), current.steps.length - 1),
          }
        : current,
    );
  }, []);

  useEffect(() => {
    const flow = store.getState().history.present;
    const step = replay?.steps[replay.index];
    setOverlay(
      'analytics',
      step ? replayOverlay(flow, step) : figures ? figuresOverlay(figures) : null,
    );
  }, [figures, replay, store, setOverlay]);
  useEffect(() => () => setOverlay('analytics', null), [setOverlay]);

  return {
    version,
    setVersion,
    figures,
    conversations,
    replay,
    open,
    go,
    closeReplay: () => setReplay(null),
    reload: load,
    error,
  };
}
