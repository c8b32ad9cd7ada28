import { useState } from 'react';
import type { ConversationSummary } from '../api/conversations-api';
import { useI18n } from '../i18n/I18nProvider';
import { allSectors, groupInbox, queues, type Queue } from './inbox-queues';

/** The inbox: a sector, its three queues with counts, the conversations of the chosen queue. */
export function InboxPanel({
  items,
  selectedId,
  onSelect,
}: {
  items: readonly ConversationSummary[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  const { t } = useI18n();
  const [sector, setSector] = useState(allSectors);
  const [queue, setQueue] = useState<Queue>('waiting');
  const view = groupInbox(items, sector);
  return (
    <aside className="inbox" data-testid="inbox">
      <label>
        {t('inbox.sector')}
        <select
          value={sector}
          onChange={(e) => setSector(e.target.value)}
          data-testid="inbox-sector"
        >
          <option value={allSectors}>{t('inbox.allSectors')}</option>
          {view.sectors.map((s) => (
            <option key={s.sector ?? ''} value={s.sector ?? ''}>
              {t('inbox.sectorOption', { sector: s.sector ?? t('inbox.noSector'), open: s.open })}
            </option>
          ))}
        </select>
      </label>
      <div className="tabs" role="tablist">
        {queues.map((q) => (
          <button
            key={q}
            type="button"
            role="tab"
            aria-selected={q === queue}
            data-testid={`queue-${q}`}
            onClick={() => setQueue(q)}
          >
            {t(`inbox.queue.${q}`)} <span className="queue-count">{view.counts[q]}</span>
          </button>
        ))}
      </div>
      {view.queues[queue].length === 0 ? (
        <p className="muted">{t('inbox.empty')}</p>
      ) : (
        <ul className="inbox-list" data-testid="inbox-list">
          {view.queues[queue].map((c) => (
            <li key={c.id}>
              <button
                type="button"
                className={c.id === selectedId ? 'inbox-item is-selected' : 'inbox-item'}
                onClick={() => onSelect(c.id)}
                data-conversation-id={c.id}
              >
                <strong>{c.subject ?? c.externalId}</strong>
                <span className="small muted">
                  {c.channel} · {c.sector ?? t('inbox.noSector')} ·{' '}
                  {new Date(c.createdAt).toLocaleString()}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}
