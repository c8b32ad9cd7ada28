import { useState } from 'react';
import { channelQueriesApi, type ReputationAnswer } from '../api/channel-queries-api';
import { useSession } from '../app/session-context';
import { useI18n } from '../i18n/I18nProvider';
import { reputationPeriodsOf, type ReputationPeriod } from './connection-form';
import { ReputationTable } from './ReputationTable';

/**
 * The Reclame Aqui reputation of the company page of a conversation's connection, read through
 * the channel's `reputation` query (agents and admins alike; no connection setting is shown). It
 * spends one of the connection's calls, so it runs when asked rather than on every conversation.
 */
export function ReputationPanel({ conversationId }: { conversationId: string }) {
  const { t } = useI18n();
  const { api } = useSession();
  const [periods, setPeriods] = useState<ReputationPeriod[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () => {
    setError(null);
    channelQueriesApi.run<ReputationAnswer>(api, conversationId, 'reputation').then(
      (answer) => setPeriods(reputationPeriodsOf(answer.periods)),
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  };
  return (
    <section className="reputation card" data-testid="reputation-panel">
      <h3>{t('reputation.title')}</h3>
      {periods ? (
        <ReputationTable periods={periods} />
      ) : (
        <button type="button" onClick={load}>
          {t('reputation.load')}
        </button>
      )}
      {error && <p className="error">{error}</p>}
    </section>
  );
}
