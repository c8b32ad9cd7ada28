import type { Flow } from '@attendflow/engine';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ApiClient } from '../api/api-client';
import { ApiError } from '../api/api-error';
import { flowsApi } from '../api/flows-api';
import type { DesignerStore } from '../store/designer-store';

/** Where the draft stands against the server's copy. */
export type SaveStatus =
  | { state: 'saved' }
  | { state: 'dirty' }
  | { state: 'saving' }
  | { state: 'conflict'; revision: number }
  | { state: 'error'; message: string };

/** The autosave of a draft, with the server's revision check surfaced as a conflict. */
export interface Autosave {
  status: SaveStatus;
  /** Saves now if needed; resolves with the revision the server holds for this draft. */
  flush: () => Promise<number>;
  /** Drops local changes and loads the server's draft. */
  reload: () => Promise<void>;
  /** Saves over a draft someone else saved. */
  overwrite: () => Promise<void>;
}

// Long enough to group a burst of typing into one request, short enough to feel immediate.
const debounceMs = 600;

/** Saves the store's document to `PUT /flows/:id/draft` after each change (debounced). */
export function useAutosave(
  api: ApiClient,
  flowId: string,
  store: DesignerStore,
  initialRevision: number,
): Autosave {
  const [status, setStatus] = useState<SaveStatus>({ state: 'saved' });
  const revision = useRef(initialRevision);
  const saved = useRef<Flow>(store.getState().history.present);
  const inFlight = useRef<Promise<void> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const blocked = useRef(false);

  const saveOnce = useCallback(async (): Promise<void> => {
    const document = store.getState().history.present;
    if (document === saved.current || blocked.current) return;
    setStatus({ state: 'saving' });
    try {
      const view = await flowsApi.saveDraft(api, flowId, document, revision.current);
      revision.current = view.revision;
      saved.current = document;
      const isCurrent = store.getState().history.present === document;
      setStatus({ state: isCurrent ? 'saved' : 'dirty' });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'REVISION_CONFLICT') {
        blocked.current = true;
        const details = error.details as { revision?: number } | undefined;
        setStatus({ state: 'conflict', revision: details?.revision ?? revision.current });
      } else {
        setStatus({
          state: 'error',
          message: error instanceof Error ? error.message : String(error),
        });
      }
    }
  }, [api, flowId, store]);

  const save = useCallback((): Promise<void> => {
    const run = async () => {
      if (inFlight.current) await inFlight.current;
      // Changes made while a save was in flight go in the next one.
      while (store.getState().history.present !== saved.current && !blocked.current) {
        const before = store.getState().history.present;
        await saveOnce();
        if (saved.current !== before) break;
      }
    };
    const next = run().finally(() => {
      if (inFlight.current === next) inFlight.current = null;
    });
    inFlight.current = next;
    return next;
  }, [saveOnce, store]);

  useEffect(
    () =>
      store.subscribe(() => {
        if (store.getState().history.present === saved.current || blocked.current) return;
        // The same object while already dirty: a new one on every drag frame would re-render the page.
        setStatus((s) => (s.state === 'saving' || s.state === 'dirty' ? s : { state: 'dirty' }));
        if (timer.current) clearTimeout(timer.current);
        timer.current = setTimeout(() => void save(), debounceMs);
      }),
    [store, save],
  );
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  const flush = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    await save();
    return revision.current;
  }, [save]);

  const reload = useCallback(async () => {
    const view = await flowsApi.get(api, flowId);
    revision.current = view.revision;
    saved.current = view.draft;
    blocked.current = false;
    store.reset(view.draft);
    setStatus({ state: 'saved' });
  }, [api, flowId, store]);

  const overwrite = useCallback(async () => {
    if (status.state === 'conflict') revision.current = status.revision;
    blocked.current = false;
    await save();
  }, [save, status]);

  return useMemo(() => ({ status, flush, reload, overwrite }), [status, flush, reload, overwrite]);
}
