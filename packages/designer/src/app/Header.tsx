import { useI18n } from '../i18n/I18nProvider';
import { locales, type Locale } from '../i18n/translate';
import { useSession } from './session-context';
import type { ThemeChoice } from './theme';
import { navigate } from './use-route';

const themes: readonly ThemeChoice[] = ['system', 'light', 'dark'];

/** The top bar: navigation for the role, language, theme, sign out. */
export function Header({
  theme,
  onTheme,
}: {
  theme: ThemeChoice;
  onTheme: (choice: ThemeChoice) => void;
}) {
  const { t, locale, setLocale } = useI18n();
  const { session, signOut } = useSession();
  return (
    <header className="app-header">
      <strong className="brand">{t('app.name')}</strong>
      {session && (
        <nav>
          {session.user.role === 'admin' && (
            <button type="button" className="link" onClick={() => navigate({ name: 'flows' })}>
              {t('app.nav.flows')}
            </button>
          )}
          {session.user.role === 'admin' && (
            <>
              <button
                type="button"
                className="link"
                onClick={() => navigate({ name: 'connections' })}
              >
                {t('app.nav.connections')}
              </button>
              <button
                type="button"
                className="link"
                onClick={() => navigate({ name: 'dashboard' })}
              >
                {t('app.nav.dashboard')}
              </button>
              <button
                type="button"
                className="link"
                onClick={() => navigate({ name: 'predefined' })}
              >
                {t('app.nav.predefined')}
              </button>
            </>
          )}
          <button type="button" className="link" onClick={() => navigate({ name: 'console' })}>
            {t('app.nav.console')}
          </button>
        </nav>
      )}
      <span className="spacer" />
      <label className="inline">
        {t('app.language')}
        <select value={locale} onChange={(e) => setLocale(e.target.value as Locale)}>
          {locales.map((l) => (
            <option key={l} value={l}>
              {l}
            </option>
          ))}
        </select>
      </label>
      <label className="inline">
        {t('app.theme')}
        <select
          value={theme}
          onChange={(e) => onTheme(e.target.value as ThemeChoice)}
          data-testid="theme"
        >
          {themes.map((choice) => (
            <option key={choice} value={choice}>
              {t(`app.theme.${choice}`)}
            </option>
          ))}
        </select>
      </label>
      {session && (
        <span className="user" data-testid="current-user">
          {session.user.name}
          <button type="button" onClick={() => void signOut()}>
            {t('app.signOut')}
          </button>
        </span>
      )}
    </header>
  );
}
