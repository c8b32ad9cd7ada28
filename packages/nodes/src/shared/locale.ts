/**
 * Whether a summary is written in Portuguese: the built-in nodes speak English and pt-BR, so any
 * `pt` locale reads pt-BR and every other one English.
 *
 * @example
 * isPortuguese('pt-BR'); // true
 */
export function isPortuguese(locale: string): boolean {
  return locale.toLowerCase().startsWith('pt');
}
