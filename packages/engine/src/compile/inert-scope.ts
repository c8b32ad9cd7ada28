import { createActor, type AnyStateMachine } from 'xstate';

/** The scope `machine.transition(snapshot, event, scope)` takes for a machine. */
export type InertScope<TMachine extends AnyStateMachine> = Parameters<TMachine['transition']>[2];

/**
 * An actor scope for computing a machine's transitions without running it, made once per machine.
 * XState's `transition()` builds one on every call, and building it creates an actor, which computes
 * the machine's initial snapshot: a sixth of a step's cost, thrown away. A flow machine has only
 * `assign` actions and pure guards (no children, nothing deferred or emitted), so one scope can
 * serve every transition; actions that are not `assign` would reach `actionExecutor` and are
 * dropped, as `transition()` leaves them unexecuted.
 */
export function inertScope<TMachine extends AnyStateMachine>(
  machine: TMachine,
): InertScope<TMachine> {
  const self = createActor(machine);
  return {
    self,
    id: '',
    sessionId: '',
    system: self.system,
    logger: () => undefined,
    defer: () => undefined,
    emit: () => undefined,
    stopChild: () => undefined,
    actionExecutor: () => undefined,
  };
}
