import { defineNode } from '@attendflow/engine';
import { z } from 'zod';
import { describeRules } from '../../shared/describe-rule.js';
import { isPortuguese } from '../../shared/locale.js';
import { ruleGroupPtBr } from '../../shared/pt-br.js';
import { ruleGroupSchema } from '../../shared/rules.js';

/** Branches on rules over the conversation, its variables and the time: `yes` or `no`. */
export const condition = defineNode({
  type: 'condition',
  version: 1,
  label: 'Condition',
  description:
    'Leaves through "yes" when the rules hold (all of them, or any one), else through "no".',
  category: 'logic',
  icon: 'branch',
  waits: false,
  ports: ['yes', 'no'],
  settings: z.object(ruleGroupSchema.shape),
  summary: (settings, { locale }) =>
    `${isPortuguese(locale) ? 'se' : 'if'} ${describeRules(settings, locale)}`,
  i18n: {
    'pt-BR': {
      label: 'Condição',
      description:
        'Sai por “sim” quando as regras valem (todas, ou qualquer uma); senão, por “não”.',
      ports: { yes: 'sim', no: 'não' },
      fields: ruleGroupPtBr,
    },
  },
});
