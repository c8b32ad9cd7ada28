import { useI18n } from '../i18n/I18nProvider';
import { useEditor } from './editor-context';

/** Shown when the server refused a save because someone else saved the draft meanwhile. */
export function ConflictBanner() {
  const { t } = useI18n();
  const { autosave } = useEditor();
  if (autosave.status.state !== 'conflict') return null;
  return (
    <div className="banner banner-warning" role="alert" data-testid="conflict">
      {t('designer.conflict', { revision: autosave.status.revision })}
      <button type="button" onClick={() => void autosave.reload()}>
        {t('designer.conflict.reload')}
      </button>
      <button type="button" onClick={() => void autosave.overwrite()}>
        {t('designer.conflict.overwrite')}
      </button>
    </div>
  );
}
