import { useSession } from '../app/session-context';
import { useI18n } from '../i18n/I18nProvider';

/** The agent console's place in the app; the inbox and conversation view plug in here. */
export function ConsolePage() {
  const { t } = useI18n();
  const { session } = useSession();
  return (
    <section className="page" data-testid="console">
      <h1>{t('console.title')}</h1>
      <p>{t('console.placeholder', { name: session?.user.name ?? '' })}</p>
    </section>
  );
}
