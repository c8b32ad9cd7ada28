// The worker that validates drafts (see worker-checks.ts): the designer's registry, off the page.
import { designerRegistry } from '../registry/designer-registry';
import type { CheckReply, CheckRequest } from './draft-checker';
import { createDraftValidator } from './draft-validator';

interface WorkerScope {
  onmessage: ((event: MessageEvent<CheckRequest>) => void) | null;
  postMessage(reply: CheckReply): void;
}

const scope = self as unknown as WorkerScope;
const validate = createDraftValidator(designerRegistry);
scope.onmessage = ({ data: { seq, flow, channel } }) => {
  scope.postMessage({ seq, issues: validate(flow, channel) });
};
