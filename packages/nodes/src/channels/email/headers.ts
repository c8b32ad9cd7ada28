/**
 * Parses a raw RFC 5322 header block into lower-cased names and their values (a name may repeat),
 * unfolding continuation lines.
 */
export function parseHeaderBlock(raw: string): Map<string, string[]> {
  const headers = new Map<string, string[]>();
  let current: { name: string; value: string } | undefined;
  const flush = () => {
    if (!current) return;
    const list = headers.get(current.name) ?? [];
    list.push(current.value.trim());
    headers.set(current.name, list);
    current = undefined;
  };
  for (const line of raw.split(/\r?\n/)) {
    if (/^[ \t]/.test(line) && current) {
      current.value += ` ${line.trim()}`;
      continue;
    }
    flush();
    // The block ends at the first empty line; what follows would be a body, not headers.
    if (line.trim() === '') {
      if (headers.size > 0) break;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    current = { name: line.slice(0, colon).trim().toLowerCase(), value: line.slice(colon + 1) };
  }
  flush();
  return headers;
}

/**
 * The message ids in a Message-ID / In-Reply-To / References value, each as `<id>`, in order;
 * bare ids (some providers drop the brackets) are bracketed.
 */
export function parseMessageIds(value: string | undefined): string[] {
  if (value === undefined) return [];
  const bracketed = value.match(/<[^<>\s]+>/g);
  if (bracketed) return bracketed;
  return value
    .split(/[\s,]+/)
    .filter((token) => /^[^<>\s]+@[^<>\s]+$/.test(token))
    .map((token) => `<${token}>`);
}

/** Drops leading reply markers (`Re:`, `RES:`, `AW:` …) so a reply's subject reads as its thread's. */
export function threadSubject(subject: string): string {
  return subject.replace(/^(?:\s*(?:re|res|aw|sv|antw)\s*(?:\[\d+\])?\s*:)+/i, '').trim();
}
