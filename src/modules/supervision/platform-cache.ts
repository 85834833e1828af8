// What supervision reads after every event but changes a few times a year (the rules, the risk register's
// second-approver steps, each unit's responders) is kept for a few seconds by each platform, keyed by its
// database handle, so two platforms in one process (tests, benches) never share an entry.

export interface PlatformCache<V> {
  /** The value of `key` for `platform`: kept if read less than the cache's time ago, else loaded and kept. */
  get(platform: object, key: string, load: () => Promise<V>): Promise<V>;
  /** Forgets everything kept for `platform` (the node that changed what is kept). */
  forget(platform: object): void;
}

/** A cache keeping each value for `ttlMs`, at most `maxKeys` per platform (beyond that it starts afresh). */
export function createPlatformCache<V>(ttlMs: number, maxKeys = 10_000): PlatformCache<V> {
  const byPlatform = new WeakMap<object, Map<string, { value: V; at: number }>>();
  return {
    async get(platform, key, load) {
      let entries = byPlatform.get(platform);
      if (!entries) byPlatform.set(platform, (entries = new Map()));
      const kept = entries.get(key);
      if (kept && performance.now() - kept.at < ttlMs) return kept.value;
      const value = await load();
      if (entries.size >= maxKeys) entries.clear();
      entries.set(key, { value, at: performance.now() });
      return value;
    },
    forget(platform) {
      byPlatform.delete(platform);
    },
  };
}
