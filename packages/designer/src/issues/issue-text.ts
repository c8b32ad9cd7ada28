import type { FlowIssue } from '@attendflow/engine';
import { catalogText, type Translate } from '../i18n/catalog-text';
import { isMessageKey } from '../i18n/message-key';
import type { MessageParams } from '../i18n/translate';

/** Issue params that name a visibility (`public`, `private`), worded by the catalogs. */
const visibilityParams = new Set(['visibility', 'automaticVisibility', 'sentVisibility']);

const quoted = (id: string) => `"${id}"`;

/**
 * An issue in the UI language: the catalog's `issue.<code>` filled with the issue's params, or the
 * engine's English `message` for a code the catalogs do not know (a plugin's). Other nodes the
 * issue names (`…NodeId`, `nodeIds`) are worded by `nameNode`.
 *
 * @example
 * issueText(issue, t, (id) => `“${titleOf(id)}”`); // 'a saída "timeout" não está conectada: …'
 */
export function issueText(
  issue: Pick<FlowIssue, 'code' | 'message' | 'params'>,
  t: Translate,
  nameNode: (id: string) => string = quoted,
): string {
  const params: MessageParams = {};
  for (const [name, value] of Object.entries(issue.params ?? {})) {
    params[name] = localizeParam(name, value, t, nameNode);
  }
  return catalogText(t, `issue.${issue.code}`, params, issue.message);
}

function localizeParam(
  name: string,
  value: string | number,
  t: Translate,
  nameNode: (id: string) => string,
): string | number {
  if (typeof value !== 'string') return value;
  if (name.endsWith('NodeId')) return nameNode(value);
  if (name === 'nodeIds') return value.split(', ').map(nameNode).join(', ');
  const visibility = `issue.visibility.${value}`;
  if (visibilityParams.has(name) && isMessageKey(visibility)) return t(visibility);
  return value;
}
