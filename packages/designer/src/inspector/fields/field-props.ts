import type { FieldSchema } from '../field-schema';
import type { ValuePath } from '../value-path';

/** What every field input gets: its schema, where it sits and how to change it. */
export interface FieldProps {
  schema: FieldSchema;
  root: FieldSchema;
  path: ValuePath;
  value: unknown;
  /** `isTyping`: a keystroke in a text field, merged with the previous one into one undo step. */
  onChange: (path: ValuePath, value: unknown, isTyping?: boolean) => void;
  errors: ReadonlyMap<string, string[]>;
  /** Names offered by the `{{variable}}` picker. */
  variables: readonly string[];
}
