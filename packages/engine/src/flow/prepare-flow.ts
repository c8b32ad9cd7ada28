import { EngineError } from '../errors.js';
import type { Registry } from '../plugin/registry.js';
import type { Flow } from './flow-schema.js';
import { validateFlow } from './validate-flow.js';

/**
 * The flow the compiler works on: validated, migrated, settings parsed with defaults. A flow with
 * errors is an invariant violation here (publishing refuses it first), so it throws
 * `EngineError('FLOW_INVALID')` with the issues in `details`; warnings are allowed.
 *
 * @example
 * const flow = prepareFlow(version.document, registry);
 * const machine = compileFlow(flow, registry);
 */
export function prepareFlow(flow: unknown, registry: Registry): Flow {
  const result = validateFlow(flow, registry);
  const errors = result.issues.filter((issue) => issue.severity === 'error');
  if (result.ok && result.flow) return result.flow;
  const first = errors[0]?.message ?? 'the document did not parse';
  throw new EngineError(
    'FLOW_INVALID',
    `the flow has ${errors.length} error${errors.length === 1 ? '' : 's'}; first: ${first}`,
    { details: result.issues },
  );
}
