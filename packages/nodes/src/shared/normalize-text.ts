/**
 * Text folded for comparing values: lower case, accents removed, trimmed.
 *
 * @example
 * foldText(' São Paulo '); // 'sao paulo'
 */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .trim();
}

/**
 * Text folded for matching: lower case, accents removed, runs of anything but letters and digits
 * made one space, trimmed. `"Não   CHEGOU!"` and `"nao chegou"` fold to the same text.
 *
 * @example
 * normalizeText('Reembolso, por favor!'); // 'reembolso por favor'
 */
export function normalizeText(text: string): string {
  return foldText(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Whether `text` holds `phrase` as whole words (both folded by {@link normalizeText}).
 *
 * @example
 * containsPhrase('Quero meu REEMBOLSO já', 'reembolso'); // true
 * containsPhrase('um caso normal', 'mal'); // false
 */
export function containsPhrase(text: string, phrase: string): boolean {
  const needle = normalizeText(phrase);
  return needle !== '' && ` ${normalizeText(text)} `.includes(` ${needle} `);
}
