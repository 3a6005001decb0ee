/*
 * Stores replace a Map or Set held in a ref whole rather than change it in place, so that
 * watchers and computeds over it see the change: these are the copies they replace it with.
 */

/** A copy of `map` without the entry of `key`. */
export function mapWithout<K, V>(map: ReadonlyMap<K, V>, key: K): Map<K, V> {
  const next = new Map(map)
  next.delete(key)
  return next
}

/** A copy of `set` without `key`. */
export function setWithout<T>(set: ReadonlySet<T>, key: T): Set<T> {
  const next = new Set(set)
  next.delete(key)
  return next
}
