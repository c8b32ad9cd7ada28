import type { FlowIssue } from '@attendflow/engine';
import { useI18n } from '../i18n/I18nProvider';
import { useDesigner, useEditor } from '../editor/editor-context';
import { countIssues } from './draft-validator';
import { issueContext } from './issue-context';
import { useIssueText } from './use-issue-text';

/** Every issue of the draft, named by its node and field in the UI language; a click jumps to its node. */
export function IssueList({ onJump }: { onJump: (nodeId: string) => void }) {
  const { t, locale } = useI18n();
  const { issues, registry } = useEditor();
  const flow = useDesigner((state) => state.history.present);
  const textOf = useIssueText();
  const describe = (issue: FlowIssue) => {
    const { node, field } = issueContext(issue, flow, registry, locale);
    const where = [node, field].filter(Boolean).join(' › ');
    return (
      <>
        {where && <strong>{where}: </strong>}
        {textOf(issue)}
      </>
    );
  };
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
                {describe(issue)}
              </button>
            ) : (
              describe(issue)
            )}
            <span className="muted small"> {issue.code}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
