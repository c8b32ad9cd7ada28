const BIG = '__vibe_bigint:';

/**
 * JSON text in which bigints are written as bare integers, the way Vibe writes its 64-bit
 * message tokens (`JSON.stringify` refuses bigints, and numbers would lose the last digits).
 */
export function toVibeJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    typeof item === 'bigint' ? `${BIG}${item}` : item,
  ).replace(new RegExp(`"${BIG}(\\d+)"`, 'g'), '$1');
}
