import { useState } from 'react';
import { Inspector } from '../inspector/Inspector';
import { IssueList } from '../issues/IssueList';
import { countIssues } from '../issues/draft-validator';
import { VersionsPanel } from '../versions/VersionsPanel';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/messages-en';
import { useEditor } from './editor-context';

/** The right-hand tabs. A new panel (simulator, analytics) is one more entry in `tabs`. */
const tabs = ['inspector', 'issues', 'versions'] as const;
type Tab = (typeof tabs)[number];
const titles: Record<Tab, MessageKey> = {
  inspector: 'inspector.title',
  issues: 'issues.title',
  versions: 'versions.title',
};

/** Inspector, issues and versions, one at a time. */
export function SidePanel({ onJump }: { onJump: (nodeId: string) => void }) {
  const { t } = useI18n();
  const { issues } = useEditor();
  const [tab, setTab] = useState<Tab>('inspector');
  const { errors } = countIssues(issues);
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
        {tab === 'versions' && <VersionsPanel />}
      </div>
    </aside>
  );
}
