const placeholder = /\{\{\s*([A-Za-z_][\w]*(?:\.[\w-]+)*)\s*\}\}/g;

/**
 * Replaces `{{path}}` placeholders with values from `scope`; unknown paths become empty text.
 *
 * @example
 * renderTemplate('Hi {{customer.name}}', { customer: { name: 'Ana' } }); // 'Hi Ana'
 */
export function renderTemplate(template: string, scope: Record<string, unknown>): string {
  return template.replace(placeholder, (_, path: string) => stringify(lookup(scope, path)));
}

/** Whether a template may hold a placeholder: one that cannot is rendered as itself, no scope needed. */
export function mayHavePlaceholders(template: string): boolean {
  return template.includes('{{');
}

function lookup(scope: Record<string, unknown>, path: string): unknown {
  let current: unknown = scope;
  for (const key of path.split('.')) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function stringify(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}
