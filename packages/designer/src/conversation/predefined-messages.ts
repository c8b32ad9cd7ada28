/**
 * Puts a predefined message into the agent's draft in place of the selection (at the cursor when
 * nothing is selected), a space apart from a word before it; returns the text and where the
 * cursor goes.
 */
export function insertPredefined(
  draft: string,
  message: string,
  start = draft.length,
  end = start,
): { text: string; cursor: number } {
  const before = draft.slice(0, start);
  const gap = before === '' || /\s$/.test(before) ? '' : ' ';
  const inserted = `${gap}${message}`;
  return { text: before + inserted + draft.slice(end), cursor: start + inserted.length };
}

/** A message's first characters, for a list entry's hint. */
export function previewOf(text: string, max = 80): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
