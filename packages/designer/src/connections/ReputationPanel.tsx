import { useState } from 'react';
import { connectionsApi } from '../api/connections-api';
import { useSession } from '../app/session-context';
import { useI18n } from '../i18n/I18nProvider';
import { reputationOf, type ReputationPeriod } from './connection-form';
import { ReputationTable } from './ReputationTable';

/**
 * The Reclame Aqui reputation of a connection's company page, read through the connection test
 * (the only call that returns it; admins only, and it spends the connection's call budget, so it
 * runs when asked rather than on every conversation).
 */
export function ReputationPanel({ connectionId }: { connectionId: string }) {
  const { t } = useI18n();
  const { api } = useSession();
  const [periods, setPeriods] = useState<ReputationPeriod[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () => {
    setError(null);
    connectionsApi.test(api, connectionId).then(
      (check) => (check.ok ? setPeriods(reputationOf(check.facts)) : setError(check.detail)),
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  };
  return (
    <section className="reputation card">
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
