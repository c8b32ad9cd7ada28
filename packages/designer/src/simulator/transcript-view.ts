/** Who wrote a transcript line, as the panel labels it. */
export type AuthorKind = 'customer' | 'bot' | 'agent' | 'system';

/** The author kind of a test-kit transcript `who` (`customer`, `bot`, `agent:<id>`, `system`). */
export function authorKind(who: string): AuthorKind {
  if (who === 'customer' || who === 'bot') return who;
  if (who === 'agent' || who.startsWith('agent:')) return 'agent';
  return 'system';
}
