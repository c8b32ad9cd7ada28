import { useI18n } from '../i18n/I18nProvider';
import type { Refusal } from './refusal';
import { refusalText } from './refusal-text';

/** A refused action: the rule in the agent's language, and the server's words with the code. */
export function RefusalNotice({ refusal }: { refusal: Refusal }) {
  const { t } = useI18n();
  return (
    <div className="refusal" role="alert" data-testid="refusal">
      <strong>{refusal.rule ? t('conversation.refused') : t('conversation.failed')}</strong>{' '}
      {refusal.rule
        ? refusalText(refusal.rule, refusal.message, t, refusal.params)
        : refusal.message}
      {refusal.rule && (
        <p className="small muted">
          <code>{refusal.rule}</code> · {refusal.message}
        </p>
      )}
    </div>
  );
}
