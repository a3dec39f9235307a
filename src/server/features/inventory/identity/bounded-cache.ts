/**
 * A memo for hot normalisations: a fleet reports the same few thousand names and publishers over
 * and over (about 800 entries a machine, up to 150 machines a second). Emptied when full, which is
 * rare and cheap, rather than tracking recency.
 */
export function boundedCache<T>(compute: (key: string) => T, limit = 20_000): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    // One lookup for a hit; has() only tells a cached undefined from a miss.
    const known = cache.get(key);
    if (known !== undefined || cache.has(key)) return known as T;
    if (cache.size >= limit) cache.clear();
    const value = compute(key);
    cache.set(key, value);
    return value;
  };
}
