/** Where an agent's own predefined messages are kept (this browser). */
export const predefinedStorageKey = 'attendflow.predefined';

const maxMessages = 50;

/** Reads the stored list; anything malformed is an empty list. */
export function parsePredefined(text: string | null): string[] {
  if (!text) return [];
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

/** Adds a message at the top (trimmed, once, at most {@link maxMessages}). */
export function addPredefined(list: readonly string[], text: string): string[] {
  const message = text.trim();
  if (message === '') return [...list];
  return [message, ...list.filter((m) => m !== message)].slice(0, maxMessages);
}

/** Removes a message. */
export function removePredefined(list: readonly string[], text: string): string[] {
  return list.filter((m) => m !== text);
}
