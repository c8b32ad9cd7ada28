import type { Flow } from '@attendflow/engine';

/** What every conversation offers to `{{…}}` templates (see the engine's template scope). */
const builtIns = [
  'customer.name',
  'customer.email',
  'customer.phone',
  'subject',
  'conversation.externalId',
  'conversation.channel',
  'conversation.sector',
  'conversation.occurrenceType',
  'conversation.occurrence',
  'conversation.solution',
];

/** Names the variable picker offers: the flow's own variables, then the built-ins. */
export function templateVariables(flow: Flow): string[] {
  return [...flow.variables.map((variable) => variable.name), ...builtIns];
}

/** Inserts `{{name}}` into `text` at the cursor (`start`…`end` replaced); returns text and cursor. */
export function insertPlaceholder(
  text: string,
  name: string,
  start = text.length,
  end = start,
): { text: string; cursor: number } {
  const placeholder = `{{${name}}}`;
  return {
    text: text.slice(0, start) + placeholder + text.slice(end),
    cursor: start + placeholder.length,
  };
}
