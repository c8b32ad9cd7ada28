import { useState } from 'react';
import { useSession } from '../app/session-context';
import { ConversationView } from '../conversation/ConversationView';
import { useI18n } from '../i18n/I18nProvider';
import { InboxPanel } from '../inbox/InboxPanel';
import { useInbox } from '../inbox/use-inbox';
import './console.css';

/** The agent console: the live inbox beside the conversation being attended. */
export function ConsolePage() {
  const { t } = useI18n();
  const { session } = useSession();
  const { items, error, reload } = useInbox();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  return (
    <section className="console" data-testid="console">
      <h1 className="sr-only">{t('console.title')}</h1>
      {error && <p className="error">{error}</p>}
      <div className="inbox-column">
        <p className="small muted">{t('console.signedIn', { name: session?.user.name ?? '' })}</p>
        {items === null ? (
          <p>{t('app.loading')}</p>
        ) : (
          <InboxPanel items={items} selectedId={selectedId} onSelect={setSelectedId} />
        )}
      </div>
      {selectedId ? (
        <ConversationView key={selectedId} id={selectedId} onChanged={reload} />
      ) : (
        <p className="muted console-empty">{t('console.pick')}</p>
      )}
    </section>
  );
}
