import { ui } from '@attendflow/engine';
import { z } from 'zod';

/**
 * An optional flow-variable name to save a value into (empty: not saved), with its UI metadata.
 *
 * @example
 * z.object({ saveTo: saveToField('Save the answer to', 'The customer’s reply, for later nodes.') })
 */
export function saveToField(label: string, help: string) {
  return ui(
    z
      .string()
      .trim()
      .regex(
        /^([A-Za-z_][A-Za-z0-9_]*)?$/,
        'use a variable name: a letter or "_" then letters, digits, "_"',
      )
      .default(''),
    { label, help, placeholder: 'variable' },
  );
}
