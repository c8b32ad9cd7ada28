import { useCallback, useEffect, useState } from 'react';
import { predefinedMessagesApi, type PredefinedMessage } from '../api/predefined-messages-api';
import { useSession } from '../app/session-context';
import { useI18n } from '../i18n/I18nProvider';
import { designerRegistry } from '../registry/designer-registry';
import { previewOf } from '../conversation/predefined-messages';
import { PredefinedMessageEditor } from './PredefinedMessageEditor';
import { sectorsOf } from './predefined-form';
import './predefined.css';

/** Predefined messages (admins): the texts agents insert, for everyone, a sector or a channel. */
export function PredefinedMessagesPage() {
  const { t } = useI18n();
  const { api } = useSession();
  const [messages, setMessages] = useState<PredefinedMessage[] | null>(null);
  const [editing, setEditing] = useState<{ message: PredefinedMessage | null } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fail = (e: unknown) => setError(e instanceof Error ? e.message : String(e));
  const load = useCallback(() => {
    predefinedMessagesApi.list(api).then(setMessages, fail);
  }, [api]);
  useEffect(load, [load]);
  const remove = (message: PredefinedMessage) => {
    if (!window.confirm(t('predefinedAdmin.confirmDelete', { title: message.title }))) return;
    predefinedMessagesApi.remove(api, message.id).then(load, fail);
  };
  const channelLabel = (type: string) => designerRegistry.channel(type)?.label ?? type;
  return (
    <section className="page" data-testid="predefined-messages">
      <div className="page-head">
        <h1>{t('predefinedAdmin.title')}</h1>
        <button type="button" className="primary" onClick={() => setEditing({ message: null })}>
          {t('predefinedAdmin.add')}
        </button>
      </div>
      <p className="muted small">{t('predefinedAdmin.intro')}</p>
      {error && <p className="error">{error}</p>}
      {editing && (
        <PredefinedMessageEditor
          key={editing.message?.id ?? 'new'}
          message={editing.message}
          sectors={sectorsOf(messages ?? [])}
          onCancel={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            load();
          }}
        />
      )}
      {messages === null ? (
        <p>{t('app.loading')}</p>
      ) : messages.length === 0 ? (
        <p>{t('predefinedAdmin.empty')}</p>
      ) : (
        <ul className="predefined-list">
          {messages.map((m) => (
            <li key={m.id} className="card" data-predefined-id={m.id}>
              <div className="row wrap">
                <strong>{m.title}</strong>
                <span className="badge">{m.sector ?? t('predefinedAdmin.anySector')}</span>
                <span className="badge">
                  {m.channel ? channelLabel(m.channel) : t('predefinedAdmin.anyChannel')}
                </span>
                <span className="spacer" />
                <button type="button" onClick={() => setEditing({ message: m })}>
                  {t('predefinedAdmin.editButton')}
                </button>
                <button type="button" onClick={() => remove(m)}>
                  {t('predefinedAdmin.delete')}
                </button>
              </div>
              <p className="small muted">{previewOf(m.text, 160)}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
