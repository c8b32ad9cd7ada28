import type { Flow, FlowIssue } from '@attendflow/engine';
import { describe, expect, it } from 'vitest';
import { designerRegistry } from '../registry/designer-registry';
import { moveItems } from '../store/flow-edits';
import {
  createDraftChecker,
  localChecks,
  type CheckReply,
  type CheckRequest,
  type ConnectChecks,
} from './draft-checker';

const flow: Flow = {
  schemaVersion: 1,
  name: 'f',
  nodes: [
    { id: 'start', type: 'trigger', typeVersion: 1, settings: {}, position: { x: 0, y: 0 } },
    { id: 'ack', type: 'auto-message', typeVersion: 1, settings: {}, position: { x: 200, y: 0 } },
  ],
  edges: [{ id: 'e1', source: 'start', sourcePort: 'next', target: 'ack' }],
  variables: [],
  notes: [],
};

/** A connection that answers only when told, like a worker. */
function heldChecks() {
  const requests: CheckRequest[] = [];
  let reply: (answer: CheckReply) => void = () => undefined;
  const connect: ConnectChecks = (onReply) => {
    reply = onReply;
    return { send: (request) => requests.push(request), close: () => undefined };
  };
  const answer = (seq: number, issues: FlowIssue[]) => reply({ seq, issues });
  return { connect, requests, answer };
}

describe('draft checker', () => {
  it('validates with the registry and hands on the issues', () => {
    const shown: FlowIssue[][] = [];
    const checker = createDraftChecker(localChecks(designerRegistry), (issues) =>
      shown.push(issues),
    );
    checker.check(flow, null);
    expect(shown).toHaveLength(1);
    expect(shown[0]?.some((issue) => issue.nodeId === 'ack')).toBe(true);
  });

  it('sends nothing for a move, and drops an answer older than one shown', () => {
    const held = heldChecks();
    const shown: string[] = [];
    const checker = createDraftChecker(held.connect, (issues) =>
      shown.push(issues.map((issue) => issue.code).join()),
    );
    checker.check(flow, null);
    checker.check(moveItems(flow, new Map([['ack', { x: 5, y: 5 }]])), null);
    expect(held.requests.map((request) => request.seq)).toEqual([1]);
    checker.check(flow, 'reclame-aqui');
    expect(held.requests.map((request) => request.seq)).toEqual([1, 2]);
    const issue = (code: string) => ({ severity: 'error' as const, code, message: code });
    held.answer(2, [issue('NEW')]);
    held.answer(1, [issue('OLD')]);
    expect(shown).toEqual(['NEW']);
  });
});
