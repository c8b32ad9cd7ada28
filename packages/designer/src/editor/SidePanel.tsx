import { useState, type ReactNode } from 'react';
import { AnalyticsPanel } from '../analytics/AnalyticsPanel';
import { Inspector } from '../inspector/Inspector';
import { IssueList } from '../issues/IssueList';
import { countIssues } from '../issues/draft-validator';
import { SimulatorPanel } from '../simulator/SimulatorPanel';
import { VersionsPanel } from '../versions/VersionsPanel';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/messages-en';
import { useEditor } from './editor-context';
import './side-panel.css';

/** The right-hand tabs. A new panel is one more entry in `tabs`. */
const tabs = ['inspector', 'issues', 'versions', 'simulator', 'analytics'] as const;
type Tab = (typeof tabs)[number];
const titles: Record<Tab, MessageKey> = {
  inspector: 'inspector.title',
  issues: 'issues.title',
  versions: 'versions.title',
  simulator: 'sim.title',
  analytics: 'analytics.title',
};
/** Panels that keep their state (a simulated run, a replay) while another tab is on screen. */
const kept: ReadonlySet<Tab> = new Set(['simulator', 'analytics']);

/** Inspector, issues, versions, simulator and analytics, one at a time. */
export function SidePanel({ onJump }: { onJump: (nodeId: string) => void }) {
  const { t } = useI18n();
  const { issues, setActivePanel } = useEditor();
  const [tab, setTabState] = useState<Tab>('inspector');
  const [visited, setVisited] = useState<ReadonlySet<Tab>>(() => new Set(['inspector']));
  const setTab = (next: Tab) => {
    setTabState(next);
    setActivePanel(next);
    if (!visited.has(next)) setVisited(new Set([...visited, next]));
  };
  const { errors } = countIssues(issues);
  const keptPanel = (name: Tab, panel: ReactNode) =>
    (tab === name || (kept.has(name) && visited.has(name))) && (
      <div hidden={tab !== name}>{panel}</div>
    );
  return (
    <aside className="side-panel">
      <div className="tabs" role="tablist">
        {tabs.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            aria-selected={tab === name}
            onClick={() => setTab(name)}
          >
            {t(titles[name])}
            {name === 'issues' && errors > 0 && <span className="badge badge-error">{errors}</span>}
          </button>
        ))}
      </div>
      <div className="tab-body">
        {tab === 'inspector' && <Inspector />}
        {tab === 'issues' && (
          <IssueList
            onJump={(id) => {
              onJump(id);
              setTab('inspector');
            }}
          />
        )}
        {tab === 'versions' && <VersionsPanel onJump={onJump} />}
        {keptPanel('simulator', <SimulatorPanel />)}
        {keptPanel('analytics', <AnalyticsPanel />)}
      </div>
    </aside>
  );
}
