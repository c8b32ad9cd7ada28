import type { Visibility } from '../conversation/events.js';
import { formatOffset } from './duration.js';

/** One line of a transcript. */
export interface TranscriptEntry {
  /** Milliseconds since the conversation started (virtual time). */
  at: number;
  kind: 'message' | 'action' | 'refused' | 'blocked' | 'status' | 'alert' | 'evaluation';
  /** `customer`, `bot`, `agent:<id>` or `system`. */
  who: string;
  visibility?: Visibility;
  text: string;
  /** The node that produced the line, if any. */
  nodeId?: string;
  /** Rule code (refusals, blocked messages, adjustments). */
  code?: string;
}

/**
 * A readable record of a conversation: who wrote what, public or private, when, through which node.
 */
export class Transcript {
  readonly entries: TranscriptEntry[] = [];

  add(entry: TranscriptEntry): void {
    this.entries.push(entry);
  }

  /** The outbound and inbound messages only. */
  get messages(): TranscriptEntry[] {
    return this.entries.filter((entry) => entry.kind === 'message');
  }

  /** One line per entry, e.g. `+0:00:25  bot      private  «Recebemos…»  (ack)`. */
  lines(): string[] {
    return this.entries.map((entry) => {
      const time = formatOffset(entry.at).padEnd(entry.at >= 86_400_000 ? 14 : 10);
      const who = entry.who.padEnd(14);
      const visibility = (entry.visibility ?? '').padEnd(8);
      const body =
        entry.kind === 'message' ? `«${entry.text}»` : `${marker[entry.kind]} ${entry.text}`;
      const code = entry.code ? ` [${entry.code}]` : '';
      const node = entry.nodeId ? `  (${entry.nodeId})` : '';
      return `${time}${who}${visibility}${body}${code}${node}`.trimEnd();
    });
  }

  toString(): string {
    return this.lines().join('\n');
  }
}

const marker: Record<TranscriptEntry['kind'], string> = {
  message: '',
  action: '⚑',
  refused: '✗ refused:',
  blocked: '⊘ blocked:',
  status: '■',
  alert: '!',
  evaluation: '★',
};
