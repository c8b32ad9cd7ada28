/**
 * Splits `text` into parts of at most `max` UTF-16 units, preferring a paragraph break, then a
 * line break, then a space, and never cutting a surrogate pair.
 *
 * @example
 * splitText('a'.repeat(5000), 4096).map((part) => part.length); // [4096, 904]
 */
export function splitText(text: string, max: number): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max + 1);
    const breaks = ['\n\n', '\n', ' '].map((mark) => window.lastIndexOf(mark));
    let cut = breaks.find((at) => at >= max / 2) ?? max;
    // A high surrogate at the end would leave half a character on each side.
    const code = rest.charCodeAt(cut - 1);
    if (cut === max && code >= 0xd800 && code <= 0xdbff) cut -= 1;
    parts.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).replace(/^[\n ]+/, '');
  }
  if (rest !== '' || parts.length === 0) parts.push(rest);
  return parts;
}
