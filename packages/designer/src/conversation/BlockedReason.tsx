import { useI18n } from '../i18n/I18nProvider';
import { isMessageKey } from '../i18n/message-key';
import type { Blocked } from './composer-rules';

/** Why a control is disabled, in the agent's language. */
export function BlockedReason({ blocked, testId }: { blocked: Blocked; testId?: string }) {
  const { t } = useI18n();
  const key = `rule.${blocked.code}`;
  return (
    <p className="small muted" data-testid={testId} data-rule={blocked.code}>
      {isMessageKey(key) ? t(key, blocked.params) : blocked.code}
    </p>
  );
}
