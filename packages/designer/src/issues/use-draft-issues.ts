import type { Flow, FlowIssue } from '@attendflow/engine';
import { useEffect, useRef, useState } from 'react';
import { useHasPainted } from '../editor/use-has-painted';
import { designerRegistry } from '../registry/designer-registry';
import { createDraftChecker, type DraftChecker } from './draft-checker';
import { workerChecks } from './worker-checks';

const notChecked: FlowIssue[] = [];

/**
 * The issues of the draft being edited, checked in a worker after every change but a move. The
 * first check starts once the page is painted: a big flow opens first, its issues follow.
 */
export function useDraftIssues(flow: Flow, channel: string | null): FlowIssue[] {
  const [issues, setIssues] = useState(notChecked);
  const hasPainted = useHasPainted();
  const checker = useRef<DraftChecker | null>(null);
  useEffect(() => {
    if (!hasPainted) return;
    const created = createDraftChecker(workerChecks(designerRegistry), setIssues);
    checker.current = created;
    return () => {
      created.close();
      checker.current = null;
    };
  }, [hasPainted]);
  useEffect(() => {
    checker.current?.check(flow, channel);
  }, [flow, channel, hasPainted]);
  return issues;
}
