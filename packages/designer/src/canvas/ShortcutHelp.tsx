import { useI18n } from '../i18n/I18nProvider';
import { shortcuts } from './shortcuts';

/** The help panel: the shortcut table, as bound. */
export function ShortcutHelp({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  return (
    <div className="dialog" role="dialog" aria-label={t('help.title')}>
      <h2>{t('help.title')}</h2>
      <table className="shortcuts">
        <tbody>
          {shortcuts.map((shortcut) => (
            <tr key={shortcut.command}>
              <td>{t(shortcut.label)}</td>
              <td>
                {shortcut.keys.map((keys) => (
                  <kbd key={keys}>{keys.replace('Mod', 'Ctrl/⌘')}</kbd>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={onClose}>
        {t('help.close')}
      </button>
    </div>
  );
}
