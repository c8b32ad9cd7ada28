import type { FlowIssue } from '@attendflow/engine';
import { useCallback } from 'react';
import { nodeTitle } from '../canvas/describe-node';
import { useEditor } from '../editor/editor-context';
import { useI18n } from '../i18n/I18nProvider';
import { issueText } from './issue-text';

/**
 * {@link issueText} for the draft on screen: other nodes an issue names are called by their titles
 * in the UI language. The draft is read when the text is made, so nodes do not re-render on edits.
 */
export function useIssueText(): (issue: FlowIssue) => string {
  const { t, locale } = useI18n();
  const { store, registry } = useEditor();
  return useCallback(
    (issue: FlowIssue) =>
      issueText(issue, t, (id) => {
        const node = store.getState().history.present.nodes.find((n) => n.id === id);
        return `“${node ? nodeTitle(node, registry, locale) : id}”`;
      }),
    [t, locale, store, registry],
  );
}
