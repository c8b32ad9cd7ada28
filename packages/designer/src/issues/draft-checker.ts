import type { Flow, FlowIssue, Registry } from '@attendflow/engine';
import { createDraftValidator, sameButPositions } from './draft-validator';

/** A draft to check, numbered so that only the answer to the latest one counts. */
export interface CheckRequest {
  seq: number;
  flow: Flow;
  channel: string | null;
}

/** The issues of one checked draft. */
export interface CheckReply {
  seq: number;
  issues: FlowIssue[];
}

/** Where checks run: `send` a request, the reply comes to the listener given when connecting. */
export interface CheckConnection {
  send(request: CheckRequest): void;
  close(): void;
}

/** Opens a connection that answers through `onReply`. */
export type ConnectChecks = (onReply: (reply: CheckReply) => void) => CheckConnection;

/** Checks drafts as they are edited and hands on the issues of the latest one. */
export interface DraftChecker {
  /** Checks `flow` unless only positions changed since the last check (issues stay as they are). */
  check(flow: Flow, channel: string | null): void;
  close(): void;
}

/**
 * Creates a checker over a connection (a worker in the browser, so a big flow is validated off
 * the page's thread). Answers to older drafts than one already shown are dropped.
 */
export function createDraftChecker(
  connect: ConnectChecks,
  onIssues: (issues: FlowIssue[]) => void,
): DraftChecker {
  let last: { flow: Flow; channel: string | null } | null = null;
  let sent = 0;
  let shown = 0;
  const connection = connect((reply) => {
    if (reply.seq <= shown) return;
    shown = reply.seq;
    onIssues(reply.issues);
  });
  return {
    check(flow, channel) {
      if (last && last.channel === channel && sameButPositions(last.flow, flow)) return;
      last = { flow, channel };
      sent += 1;
      connection.send({ seq: sent, flow, channel });
    },
    close: () => connection.close(),
  };
}

/** Checks on this thread, answering at once (where there is no worker, and in tests). */
export function localChecks(registry: Registry): ConnectChecks {
  return (onReply) => {
    const validate = createDraftValidator(registry);
    return {
      send: ({ seq, flow, channel }) => onReply({ seq, issues: validate(flow, channel) }),
      close: () => undefined,
    };
  };
}
