// Where the quoted history of a reply begins, as the common clients write it (en and pt-BR).
// Forward markers are not here: what a customer forwards is the point of their message.
const historyStarts = [
  /^[ \t]*On\b[^\n]{0,200}(?:\n[^\n]{0,200})?\bwrote:[ \t]*$/im,
  /^[ \t]*Em\b[^\n]{0,200}(?:\n[^\n]{0,200})?\bescreveu:[ \t]*$/im,
  /^\s*-{2,}\s*(?:Original Message|Mensagem original)\s*-{2,}\s*$/im,
  /^.*(?:reply above this line|responda acima desta linha).*$/im,
];

/**
 * The new part of a reply: the text before the quoted history ("On … wrote:", "-----Original
 * Message-----", a "reply above this line" marker) without `>`-quoted lines. When stripping would
 * leave nothing (a message that is all quote), the text is kept whole.
 */
export function stripQuotedHistory(text: string): string {
  let cut = text.replace(/\r\n/g, '\n');
  for (const start of historyStarts) {
    const match = start.exec(cut);
    if (match) cut = cut.slice(0, match.index);
  }
  const fresh = cut
    .split('\n')
    .filter((line) => !line.startsWith('>'))
    .join('\n')
    .trim();
  return fresh === '' ? text.trim() : fresh;
}

/** A plain-text rendering of an HTML body, for mail that arrives without a text part. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>|<\/(?:p|div|li|tr|h[1-6])>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
