import { useEffect } from 'react';
import { ConnectionsPage } from '../connections/ConnectionsPage';
import { ConsolePage } from '../console/ConsolePage';
import { DashboardPage } from '../dashboard/DashboardPage';
import { DesignerPage } from '../editor/DesignerPage';
import { FlowsPage } from '../flows/FlowsPage';
import { I18nProvider, useI18n } from '../i18n/I18nProvider';
import { LoginPage } from '../login/LoginPage';
import { PredefinedMessagesPage } from '../predefined/PredefinedMessagesPage';
import { Header } from './Header';
import { redirectFor, type Route } from './routes';
import { SessionProvider, useSession } from './session-context';
import { navigate, useRoute } from './use-route';
import { useTheme } from './use-theme';

/** The app: providers, then the page of the current route, guarded by role. */
export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <Shell />
      </SessionProvider>
    </I18nProvider>
  );
}

function Shell() {
  const { route } = useRoute();
  const { session } = useSession();
  const { choice, theme, setChoice } = useTheme();
  const redirect = redirectFor(route, session?.user.role ?? null);
  useEffect(() => {
    if (redirect) navigate(redirect, true);
  }, [redirect]);
  return (
    <div className="app">
      <Header theme={choice} onTheme={setChoice} />
      <main className="app-main">{redirect ? null : <Page route={route} theme={theme} />}</main>
    </div>
  );
}

function Page({ route, theme }: { route: Route; theme: 'light' | 'dark' }) {
  const { t } = useI18n();
  switch (route.name) {
    case 'login':
      return <LoginPage />;
    case 'flows':
      return <FlowsPage />;
    case 'flow':
      return <DesignerPage key={route.id} flowId={route.id} theme={theme} />;
    case 'console':
      return <ConsolePage />;
    case 'connections':
      return <ConnectionsPage />;
    case 'dashboard':
      return <DashboardPage />;
    case 'predefined':
      return <PredefinedMessagesPage />;
    case 'notFound':
      return <p className="page-message">{t('app.notFound')}</p>;
  }
}
