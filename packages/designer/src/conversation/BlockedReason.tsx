import { useI18n } from '../i18n/I18nProvider';
import type { Blocked } from './composer-rules';
import { refusalText } from './refusal-text';

/** Why a control is disabled, in the agent's language. */
export function BlockedReason({ blocked, testId }: { blocked: Blocked; testId?: string }) {
  const { t } = useI18n();
  return (
    <p className="small muted" data-testid={testId} data-rule={blocked.code}>
      {refusalText(blocked.code, blocked.code, t, blocked.params)}
    </p>
  );
}
