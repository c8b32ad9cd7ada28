import { useCallback, useEffect, useState } from 'react';
import {
  conversationsApi,
  type AgentOptions,
  type ConversationDetail,
} from '../api/conversations-api';
import { useLive } from '../api/use-live';
import { useSession } from '../app/session-context';
import { refusalOf, type Refusal } from './refusal';

/** One conversation, live, and `act` to run an agent action and show its refusal if any. */
export function useConversation(id: string, onChanged: () => void) {
  const { api, session } = useSession();
  const [detail, setDetail] = useState<ConversationDetail | null>(null);
  const [options, setOptions] = useState<AgentOptions | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [isBusy, setBusy] = useState(false);
  const reload = useCallback(() => {
    // The options are the engine's own verdict on the stored conversation: no rules copied here.
    Promise.all([conversationsApi.get(api, id), conversationsApi.options(api, id)]).then(
      ([loaded, allowed]) => {
        setDetail(loaded);
        setOptions(allowed);
      },
      (e: unknown) => setRefusal(refusalOf(e)),
    );
  }, [api, id]);
  useEffect(reload, [reload]);
  useLive(session?.token ?? null, [`conversation:${id}`], reload);
  /** Runs an action; resolves true when it was applied. */
  const act = useCallback(
    async (action: () => Promise<unknown>): Promise<boolean> => {
      setBusy(true);
      setRefusal(null);
      try {
        await action();
        return true;
      } catch (error) {
        setRefusal(refusalOf(error));
        return false;
      } finally {
        setBusy(false);
        reload();
        onChanged();
      }
    },
    [reload, onChanged],
  );
  return {
    detail,
    options,
    refusal,
    isBusy,
    act,
    api,
    userId: session?.user.id ?? null,
  };
}
