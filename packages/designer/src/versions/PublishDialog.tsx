import { useState, type FormEvent } from 'react';
import { flowsApi } from '../api/flows-api';
import { useSession } from '../app/session-context';
import { useEditor } from '../editor/editor-context';
import { useI18n } from '../i18n/I18nProvider';
import { countIssues } from '../issues/draft-validator';

/** Publishes the draft with a message; refused while the draft has errors for its channel. */
export function PublishDialog({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const { api } = useSession();
  const { flowId, issues, autosave, bumpVersions } = useEditor();
  const [message, setMessage] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const { errors } = countIssues(issues);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (errors > 0) return;
    try {
      const revision = await autosave.flush();
      const result = await flowsApi.publish(api, flowId, message, revision);
      setStatus(t('publish.done', { version: result.version.number }));
      bumpVersions();
    } catch (e) {
      setStatus(t('publish.failed', { message: e instanceof Error ? e.message : String(e) }));
    }
  };
  return (
    <form
      className="dialog"
      role="dialog"
      aria-label={t('publish.title')}
      onSubmit={(e) => void submit(e)}
    >
      <h2>{t('publish.title')}</h2>
      {errors > 0 && (
        <p className="error" data-testid="publish-blocked">
          {t('publish.blocked', { count: errors })}
        </p>
      )}
      <label>
        {t('publish.message')}
        <input
          value={message}
          onChange={(e) => setMessage(e.target.value)}
          required
          maxLength={1000}
        />
      </label>
      {status && <p role="status">{status}</p>}
      <div className="row">
        <button type="submit" className="primary" disabled={errors > 0}>
          {t('publish.submit')}
        </button>
        <button type="button" onClick={onClose}>
          {t('help.close')}
        </button>
      </div>
    </form>
  );
}
