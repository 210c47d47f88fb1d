// resty.lrucache: a worker-local LRU cache (not shared between workers).
// The module's `new` is a plain function (`lrucache.new(size)`); cache methods take `:`.
declare module "resty.lrucache" {
  export type LruKey = string | number;

  export interface LruCache<V> {
    /** value, stale value (the expired value, when value is nil), user flags. */
    get(key: LruKey): LuaMultiReturn<[V | undefined, V | undefined, number | undefined]>;
    /** ttl in seconds (fractions allowed); none or 0 means it never expires. */
    set(key: LruKey, value: V, ttl?: number, flags?: number): void;
    /** false when the key was absent. */
    delete(key: LruKey): boolean;
    count(): number;
    capacity(): number;
    /** Keys from most to least recently used, at most max_count (0 = all). */
    get_keys(max_count?: number): LruKey[];
    flush_all(): void;
  }

  /** A cache of at most `size` items, or nil and err ("size too small"). */
  function create<V>(this: void, size: number): LuaMultiReturn<[LruCache<V> | undefined, string | undefined]>;
  export { create as new };
}
