import { messagesEn, type MessageKey } from './messages-en';

/** Whether a key built at run time (a rule code, a reason code) has a message in the catalogs. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(messagesEn, key);
}
