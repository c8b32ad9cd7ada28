import { useEffect, useRef } from 'react';
import { liveUrlOf, openLive, type LiveFrame } from './live-socket';

/**
 * Keeps a live subscription to `topics` while mounted; `onChange` runs on every update, and with
 * null after a reconnection (updates may have been missed). The latest `onChange` is used without
 * resubscribing.
 */
export function useLive(
  token: string | null,
  topics: readonly string[],
  onChange: (frame: LiveFrame | null) => void,
): void {
  const latest = useRef(onChange);
  useEffect(() => {
    latest.current = onChange;
  });
  const key = topics.join('|');
  useEffect(() => {
    if (!token || key === '') return;
    return openLive({
      url: liveUrlOf(window.location, token),
      topics: key.split('|'),
      onUpdate: (frame) => latest.current(frame),
      onReconnect: () => latest.current(null),
    });
  }, [token, key]);
}
