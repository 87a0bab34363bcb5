/** Compiled FEEL by its source text, so that each distinct source is parsed once however often it is used. */

/** A cached `compile`; once `limit` sources are held, the least recently used goes first. */
export function cachedBySource<T>(limit: number, compile: (source: string) => T): (source: string) => T {
  const cache = new Map<string, T>();
  return (source) => {
    const cached = cache.get(source);
    if (cached !== undefined) {
      cache.delete(source);
    } else if (cache.size >= limit) {
      cache.delete(cache.keys().next().value!);
    }
    const compiled = cached ?? compile(source);
    cache.set(source, compiled);
    return compiled;
  };
}
