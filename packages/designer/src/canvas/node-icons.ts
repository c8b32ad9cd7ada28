/** Glyphs for the icon keys node and channel definitions use; unknown keys get a dot. */
const glyphs: Record<string, string> = {
  play: '▶',
  message: '✉',
  'message-circle-question': '❔',
  route: '⇄',
  branch: '⑂',
  clock: '◷',
  'alarm-clock': '⏰',
  hourglass: '⌛',
  headset: '☎',
  star: '★',
  'check-circle': '✔',
  variable: '𝑥',
  languages: '文',
  chat: '💬',
  email: '@',
  api: '⚙',
  telegram: '✈',
  wish: '✦',
  'reclame-aqui': 'RA',
};

/** The glyph drawn for an icon key. */
export function iconGlyph(icon: string | undefined): string {
  return (icon && glyphs[icon]) ?? '●';
}
