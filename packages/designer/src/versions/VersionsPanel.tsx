import { useEffect, useState } from 'react';
import { flowsApi, type VersionSummary } from '../api/flows-api';
import { useSession } from '../app/session-context';
import { useEditor } from '../editor/editor-context';
import { useI18n } from '../i18n/I18nProvider';

/** Published versions, newest first, with roll back. */
export function VersionsPanel() {
  const { t, locale } = useI18n();
  const { api } = useSession();
  const { flowId, versionsTick, bumpVersions, autosave } = useEditor();
  const [versions, setVersions] = useState<VersionSummary[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    flowsApi.versions(api, flowId).then(setVersions, (e: unknown) => setMessage(String(e)));
  }, [api, flowId, versionsTick]);

  const rollback = async (number: number) => {
    if (!window.confirm(t('versions.rollbackConfirm', { number }))) return;
    try {
      const revision = await autosave.flush();
      const result = await flowsApi.rollback(api, flowId, number, revision);
      await autosave.reload();
      setMessage(t('versions.rolledBack', { number, version: result.version.number }));
      bumpVersions();
    } catch (e) {
      setMessage(e instanceof Error ? e.message : String(e));
    }
  };

  if (versions === null) return <p>{t('app.loading')}</p>;
  return (
    <div className="versions">
      {message && <p role="status">{message}</p>}
      {versions.length === 0 ? (
        <p>{t('versions.empty')}</p>
      ) : (
        <ul data-testid="version-list">
          {versions.map((version) => (
            <li key={version.id}>
              <strong>
                {t('versions.item', { number: version.number, message: version.message })}
              </strong>
              <span className="muted small">
                {t('versions.by', {
                  author: version.author?.name ?? '—',
                  date: new Date(version.createdAt).toLocaleString(locale),
                })}
              </span>
              <button type="button" onClick={() => void rollback(version.number)}>
                {t('versions.rollback')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
