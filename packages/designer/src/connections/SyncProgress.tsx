import { useEffect, useState } from 'react';
import { connectionsApi, type SyncStatus } from '../api/connections-api';
import { useSession } from '../app/session-context';
import { useI18n } from '../i18n/I18nProvider';

const pollMs = 3000;

/** Where the sync stands: the first import as a progress bar, then the last run; polled. */
export function SyncProgress({ connectionId }: { connectionId: string }) {
  const { t } = useI18n();
  const { api } = useSession();
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [isRequested, setRequested] = useState(false);
  useEffect(() => {
    let isLive = true;
    const read = () =>
      connectionsApi.syncStatus(api, connectionId).then(
        (answer) => isLive && setStatus(answer.status),
        () => undefined,
      );
    void read();
    const timer = setInterval(() => void read(), pollMs);
    return () => {
      isLive = false;
      clearInterval(timer);
    };
  }, [api, connectionId]);
  const progress = status?.progress;
  return (
    <div className="sync" data-testid="sync-status">
      {progress && !progress.done && (
        <label>
          {t('sync.importing', {
            done: progress.pagesDone,
            known: progress.pagesKnown,
            items: progress.itemsImported,
          })}
          <progress max={Math.max(1, progress.pagesKnown)} value={progress.pagesDone} />
        </label>
      )}
      <p className="small muted">
        {status === null
          ? t('sync.never')
          : t('sync.summary', {
              runs: status.runs,
              items: status.itemsIngested,
              last: status.lastRunAt ? new Date(status.lastRunAt).toLocaleString() : '—',
              next: new Date(status.nextRunAt).toLocaleString(),
            })}
      </p>
      {status?.lastError && <p className="error small">{status.lastError}</p>}
      <button
        type="button"
        disabled={isRequested}
        onClick={() => {
          setRequested(true);
          void connectionsApi.requestSync(api, connectionId).finally(() => setRequested(false));
        }}
      >
        {t('sync.now')}
      </button>
    </div>
  );
}
