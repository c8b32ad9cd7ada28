import { useEffect, useState } from 'react';
import { flowsApi, type VersionSummary } from '../api/flows-api';
import { useSession } from '../app/session-context';
import { useEditor } from '../editor/editor-context';
import { useI18n } from '../i18n/I18nProvider';
import { ReplayControls } from './ReplayControls';
import { useAnalytics } from './use-analytics';

/** Visits and drop-off of a published version on the canvas; past conversations replayed on it. */
export function AnalyticsPanel() {
  const { t, locale } = useI18n();
  const { api } = useSession();
  const { flowId, versionsTick } = useEditor();
  const analytics = useAnalytics();
  const [versions, setVersions] = useState<VersionSummary[]>([]);
  useEffect(() => {
    flowsApi.versions(api, flowId).then(setVersions, () => setVersions([]));
  }, [api, flowId, versionsTick]);
  const { figures, replay } = analytics;
  return (
    <div className="analytics" data-testid="analytics">
      <div className="sim-row">
        <label className="inline">
          {t('analytics.version')}
          <select
            value={analytics.version ?? ''}
            onChange={(e) =>
              analytics.setVersion(e.target.value ? Number(e.target.value) : undefined)
            }
          >
            <option value="">{t('analytics.latest')}</option>
            {versions.map((v) => (
              <option key={v.id} value={v.number}>
                {t('versions.item', { number: v.number, message: v.message })}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => void analytics.reload()}>
          {t('analytics.refresh')}
        </button>
      </div>
      {analytics.error && <p className="error">{analytics.error}</p>}
      {figures && (
        <p data-testid="analytics-summary">
          {t('analytics.summary', {
            version: figures.version.number,
            count: figures.conversations,
          })}
        </p>
      )}
      {replay ? (
        <ReplayControls replay={replay} onStep={analytics.go} onClose={analytics.closeReplay} />
      ) : (
        figures && (
          <>
            <h4>{t('analytics.conversations')}</h4>
            {analytics.conversations.length === 0 ? (
              <p className="muted small">{t('analytics.noConversations')}</p>
            ) : (
              <ul className="analytics-conversations" data-testid="analytics-conversations">
                {analytics.conversations.map((row) => (
                  <li key={row.id}>
                    <button type="button" className="link" onClick={() => void analytics.open(row)}>
                      {row.subject ?? row.externalId}
                    </button>{' '}
                    <span className="muted small">
                      {row.status} · {new Date(row.createdAt).toLocaleString(locale)}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </>
        )
      )}
    </div>
  );
}
