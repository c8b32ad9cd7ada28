/** A map that keeps at most `limit` entries, dropping the least recently used first. */
export class LruMap<K, V> {
  private readonly entries = new Map<K, V>();
  constructor(private readonly limit: number) {}

  get size(): number {
    return this.entries.size;
  }

  has(key: K): boolean {
    return this.entries.has(key);
  }

  /** The value, now the most recently used. */
  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  /** Sets the value, now the most recently used; returns the entry dropped past the limit, if one was. */
  set(key: K, value: V): [K, V] | undefined {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size <= this.limit) return undefined;
    const dropped = this.entries.entries().next().value as [K, V];
    this.entries.delete(dropped[0]);
    return dropped;
  }

  delete(key: K): void {
    this.entries.delete(key);
  }
}
