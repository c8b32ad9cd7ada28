import { useEffect, useState } from 'react';
import { flowsApi, type VersionSummary } from '../api/flows-api';
import { useSession } from '../app/session-context';
import { useEditor } from '../editor/editor-context';
import { useI18n } from '../i18n/I18nProvider';
import { DiffView } from './DiffView';
import { useVersionDiff } from './use-version-diff';
import './versions.css';

/** Published versions, newest first, with their diffs (listed and marked on the canvas) and roll back. */
export function VersionsPanel({ onJump }: { onJump: (nodeId: string) => void }) {
  const { t, locale } = useI18n();
  const diff = useVersionDiff();
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
  const side = (ref: number | 'draft') =>
    ref === 'draft' ? t('diff.draft') : t('diff.version', { number: ref });
  return (
    <div className="versions">
      {message && <p role="status">{message}</p>}
      {diff.error && <p className="error">{diff.error}</p>}
      {diff.shown && (
        <DiffView
          title={t('diff.title', { from: side(diff.shown.from), to: side(diff.shown.to) })}
          rows={diff.shown.rows}
          onJump={onJump}
          onClose={diff.clear}
        />
      )}
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
              <span className="version-actions">
                {version.number > 1 && (
                  <button
                    type="button"
                    onClick={() => void diff.compare(version.number - 1, version.number)}
                  >
                    {t('versions.changes')}
                  </button>
                )}
                <button type="button" onClick={() => void diff.compare(version.number, 'draft')}>
                  {t('versions.compareDraft')}
                </button>
                <button type="button" onClick={() => void rollback(version.number)}>
                  {t('versions.rollback')}
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
