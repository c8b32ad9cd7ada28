import { useState } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { isMessageKey } from '../i18n/message-key';
import type { ChannelActionButton } from './channel-actions';

/** The channel's own actions (Wish: reply and resolve, appeal, re-open, close ticket). */
export function ChannelActionsBar({
  actions,
  isBusy,
  onAction,
}: {
  actions: readonly ChannelActionButton[];
  isBusy: boolean;
  onAction: (action: string, payload: Record<string, unknown>) => Promise<boolean>;
}) {
  const { t } = useI18n();
  const [message, setMessage] = useState('');
  if (actions.length === 0) return null;
  const label = (a: ChannelActionButton) => {
    const key = `channelAction.${a.action}`;
    return isMessageKey(key) ? t(key) : a.label;
  };
  const needsMessage = actions.some((a) => a.messageField !== null);
  return (
    <fieldset className="card" data-testid="channel-actions">
      <legend>{t('channelAction.title')}</legend>
      {needsMessage && (
        <label>
          {t('channelAction.message')}
          <textarea rows={2} value={message} onChange={(e) => setMessage(e.target.value)} />
        </label>
      )}
      <div className="actions">
        {actions.map((a) => (
          <button
            key={a.action}
            type="button"
            disabled={isBusy || (a.messageField !== null && message.trim() === '')}
            onClick={() =>
              void onAction(
                a.action,
                a.messageField ? { [a.messageField]: message.trim() } : {},
              ).then((ok) => ok && setMessage(''))
            }
          >
            {label(a)}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
