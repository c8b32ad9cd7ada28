import type { ConversationDetail } from '../api/conversations-api';
import { useI18n } from '../i18n/I18nProvider';
import { channelFactsOf, hoursAndMinutes } from './channel-facts';

/** The conversation's header: subject, status, sector, and the channel's own facts. */
export function ChannelFactsHeader({ detail, now }: { detail: ConversationDetail; now: number }) {
  const { t } = useI18n();
  const facts = channelFactsOf(detail, now);
  return (
    <header className="conversation-head" data-testid="conversation-head">
      <h2>{detail.subject ?? detail.externalId}</h2>
      <span className="queue-count" data-testid="conversation-status">
        {t(`conversation.status.${detail.status}`)}
      </span>
      <span className="muted">
        {detail.channel} · {detail.sector ?? t('inbox.noSector')}
      </span>
      {facts?.kind === 'complaint' && (
        <dl className="facts" data-testid="complaint-facts">
          <Fact label={t('facts.complaintId')} value={facts.complaintId} />
          <Fact
            label={t('facts.place')}
            value={[facts.city, facts.state].filter(Boolean).join(' / ') || null}
          />
          <Fact
            label={t('facts.filedAt')}
            value={facts.filedAt ? new Date(facts.filedAt).toLocaleString() : null}
          />
          {facts.link && (
            <a href={facts.link} target="_blank" rel="noreferrer noopener">
              {t('facts.openComplaint')}
            </a>
          )}
        </dl>
      )}
      {facts?.kind === 'ticket' && (
        <dl className="facts" data-testid="ticket-facts">
          <Fact label={t('facts.category')} value={facts.category} />
          <Fact
            label={t('facts.window')}
            value={
              facts.timeLeftMs === null
                ? t('facts.noDeadline')
                : t(facts.timeLeftMs >= 0 ? 'facts.timeLeft' : 'facts.overdue', {
                    ...hoursAndMinutes(facts.timeLeftMs),
                  })
            }
          />
        </dl>
      )}
    </header>
  );
}

function Fact({ label, value }: { label: string; value: string | null }) {
  return (
    <div className="fact">
      <dt>{label}</dt>
      <dd>{value ?? '—'}</dd>
    </div>
  );
}
