import type { ConnectionCheck } from '../api/connections-api';
import { useI18n } from '../i18n/I18nProvider';
import { companyPagesOf, reputationOf } from './connection-form';
import { ReputationTable } from './ReputationTable';

/** A connection test's answer: the detail, the bot's name (Telegram), the company pages (RA). */
export function TestResult({
  check,
  onChoosePage,
}: {
  check: ConnectionCheck;
  onChoosePage?: (companyId: string, name: string) => void;
}) {
  const { t } = useI18n();
  const pages = companyPagesOf(check.facts);
  const botName = check.facts?.['botName'];
  const reputation = reputationOf(check.facts);
  return (
    <div
      className={check.ok ? 'banner' : 'banner banner-warning'}
      role="status"
      data-testid="test-result"
    >
      <strong>{check.ok ? t('connections.testOk') : t('connections.testFailed')}</strong>{' '}
      {check.detail}
      {typeof botName === 'string' && <p>{t('connections.botName', { name: botName })}</p>}
      {pages.length > 0 && onChoosePage && (
        <div>
          <p>{t('connections.pages')}</p>
          <ul>
            {pages.map((p) => (
              <li key={p.companyId}>
                <button type="button" onClick={() => onChoosePage(p.companyId, p.name)}>
                  {t('connections.choosePage', { name: p.name || p.companyId, id: p.companyId })}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {reputation.length > 0 && <ReputationTable periods={reputation} />}
    </div>
  );
}
