import { useEffect, useState } from 'react';
import { predefinedMessagesApi, type OfferedMessage } from '../api/predefined-messages-api';
import { useSession } from '../app/session-context';
import { useI18n } from '../i18n/I18nProvider';
import { previewOf } from './predefined-messages';

/**
 * The predefined messages that apply to the conversation (kept by admins on the server, filled
 * from the conversation): picking one hands its text to the composer.
 */
export function PredefinedMessages({
  conversationId,
  onPick,
}: {
  conversationId: string;
  onPick: (text: string) => void;
}) {
  const { t } = useI18n();
  const { api } = useSession();
  const [list, setList] = useState<OfferedMessage[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let isCurrent = true;
    predefinedMessagesApi.forConversation(api, conversationId).then(
      (answer) => {
        if (isCurrent) setList(answer.items);
      },
      (e: unknown) => {
        if (isCurrent) setError(e instanceof Error ? e.message : String(e));
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [api, conversationId]);
  if (error) return <p className="error small">{t('predefined.failed', { message: error })}</p>;
  if (list.length === 0) return null;
  return (
    <select
      aria-label={t('predefined.pick')}
      value=""
      data-testid="predefined-pick"
      onChange={(e) => {
        const picked = list.find((m) => m.id === e.target.value);
        if (picked) onPick(picked.rendered);
      }}
    >
      <option value="">{t('predefined.pick')}</option>
      {list.map((m) => (
        <option key={m.id} value={m.id} title={m.rendered}>
          {m.title} — {previewOf(m.rendered, 60)}
        </option>
      ))}
    </select>
  );
}
