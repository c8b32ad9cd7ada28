import { useI18n } from '../i18n/I18nProvider';
import { useEditor } from '../editor/editor-context';
import { countIssues } from './draft-validator';

/** Every issue of the draft; a click jumps to its node. */
export function IssueList({ onJump }: { onJump: (nodeId: string) => void }) {
  const { t } = useI18n();
  const { issues } = useEditor();
  const { errors, warnings } = countIssues(issues);
  if (issues.length === 0) return <p data-testid="issues-none">{t('issues.none')}</p>;
  return (
    <div className="issues">
      <p>
        {t('issues.errors', { count: errors })} · {t('issues.warnings', { count: warnings })}
      </p>
      <ul data-testid="issue-list">
        {issues.map((issue, index) => (
          <li
            key={`${issue.code}-${issue.nodeId ?? ''}-${index}`}
            className={`issue issue-${issue.severity}`}
          >
            {issue.nodeId ? (
              <button type="button" className="link" onClick={() => onJump(issue.nodeId ?? '')}>
                {issue.message}
              </button>
            ) : (
              issue.message
            )}
            <span className="muted small"> {issue.code}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
