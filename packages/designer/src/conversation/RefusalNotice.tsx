import { useI18n } from '../i18n/I18nProvider';
import { isMessageKey } from '../i18n/message-key';
import type { Refusal } from './refusal';

/** A refused action: the rule in the agent's language, and the server's words with the code. */
export function RefusalNotice({ refusal }: { refusal: Refusal }) {
  const { t } = useI18n();
  const key = refusal.rule ? `rule.${refusal.rule}` : '';
  return (
    <div className="refusal" role="alert" data-testid="refusal">
      <strong>{refusal.rule ? t('conversation.refused') : t('conversation.failed')}</strong>{' '}
      {isMessageKey(key) ? t(key) : refusal.message}
      {refusal.rule && (
        <p className="small muted">
          <code>{refusal.rule}</code> · {refusal.message}
        </p>
      )}
    </div>
  );
}
