/** A derived lookup: many entity keys per lookup value, each set in insertion order. */
import type { Key } from './types.js';

export class KeyIndex<K> {
  private readonly entries = new Map<K, Set<Key>>();

  add(lookup: K, key: Key): void {
    let keys = this.entries.get(lookup);
    if (!keys) this.entries.set(lookup, (keys = new Set()));
    keys.add(key);
  }

  remove(lookup: K, key: Key): void {
    const keys = this.entries.get(lookup);
    if (!keys) return;
    keys.delete(key);
    if (keys.size === 0) this.entries.delete(lookup);
  }

  /** A copy, so callers may change the index while they walk the keys. */
  keysOf(lookup: K): Key[] {
    const keys = this.entries.get(lookup);
    return keys ? [...keys] : [];
  }

  has(lookup: K): boolean {
    return this.entries.has(lookup);
  }
}
