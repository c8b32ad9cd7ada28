import { useCallback, useEffect, useState } from 'react';
import { conversationsApi, type ConversationSummary } from '../api/conversations-api';
import { useLive } from '../api/use-live';
import { useSession } from '../app/session-context';

/** Open conversations and the most recent closed ones, refreshed on every live inbox update. */
export function useInbox(): {
  items: ConversationSummary[] | null;
  error: string | null;
  reload: () => void;
} {
  const { api, session } = useSession();
  const [items, setItems] = useState<ConversationSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    Promise.all([
      conversationsApi.list(api, { status: ['waiting', 'in-attendance', 'awaiting-evaluation'] }),
      conversationsApi.list(api, { status: ['closed'], limit: 50 }),
    ]).then(
      ([open, closed]) => {
        setItems([...open.items, ...closed.items]);
        setError(null);
      },
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  }, [api]);
  useEffect(reload, [reload]);
  // An update names the conversation only: re-reading the lists keeps counts exact.
  useLive(session?.token ?? null, ['inbox'], reload);
  return { items, error, reload };
}
