import { useCallback, useEffect, useState } from 'react';
import { useSession } from '../app/session-context';
import { useEditor } from '../editor/editor-context';
import { conversationsApi, type ConversationSummary } from '../api/conversations-api';
import { fetchFigures, type FlowFigures } from './analytics-api';
import { figuresOverlay, replayOverlay, replaySteps, type ReplayStep } from './analytics-overlay';

/** A past conversation being replayed on the canvas. */
export interface Replay {
  conversation: ConversationSummary;
  steps: ReplayStep[];
  index: number;
}

/** Loads a version's figures and its conversations; replays one; draws either on the canvas. */
export function useAnalytics() {
  const { api } = useSession();
  const { flowId, store, setOverlay, versionsTick } = useEditor();
  const [version, setVersion] = useState<number | undefined>(undefined);
  const [figures, setFigures] = useState<FlowFigures | null>(null);
  const [conversations, setConversations] = useState<ConversationSummary[]>([]);
  const [replay, setReplay] = useState<Replay | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      // The server has no per-version filter: the newest conversations, narrowed to the version.
      const [next, page] = await Promise.all([
        fetchFigures(api, flowId, version),
        conversationsApi.list(api, { limit: 100 }),
      ]);
      setFigures(next);
      setConversations(page.items.filter((row) => row.flowVersionId === next.version.id));
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
    async (conversation: ConversationSummary) => {
      try {
        const steps = replaySteps((await conversationsApi.get(api, conversation.id)).events);
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
