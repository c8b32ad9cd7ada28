/** What a template reads of a conversation; the engine's conversation context has all of it. */
export interface TemplateSource {
  variables: Readonly<Record<string, unknown>>;
  /** The conversation's fields (status, sector, assignee …). */
  fields: object;
  info: {
    channel: string;
    externalId: string | null;
    customer: unknown;
    subject: string | null;
    metadata: unknown;
  };
}

/**
 * The names `{{…}}` placeholders read in a conversation: its variables (also at top level),
 * `customer`, `conversation` (fields, channel, external id), `subject` and `metadata`.
 *
 * @example
 * renderTemplate('Hi {{customer.name}}', templateScope(context)); // 'Hi Ana'
 */
export function templateScope(source: TemplateSource): Record<string, unknown> {
  const { variables, fields, info } = source;
  return {
    ...variables,
    variables,
    customer: info.customer,
    conversation: { ...fields, channel: info.channel, externalId: info.externalId },
    subject: info.subject,
    metadata: info.metadata,
  };
}
