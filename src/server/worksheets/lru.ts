/**
 * A least-recently-used cache bounded by entry count and by total size. `Map` keeps insertion
 * order, so the first key is always the least recently used.
 */
export class LruCache<V> {
  private readonly map = new Map<string, { value: V; size: number }>();
  private bytes = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly maxSize: number,
    private readonly sizeOf: (value: V) => number,
  ) {}

  get(key: string): V | undefined {
    const hit = this.map.get(key);
    if (!hit) return undefined;
    this.map.delete(key);
    this.map.set(key, hit);
    return hit.value;
  }

  set(key: string, value: V): void {
    const size = this.sizeOf(value);
    const old = this.map.get(key);
    if (old) {
      this.bytes -= old.size;
      this.map.delete(key);
    }
    if (size > this.maxSize) return;
    this.map.set(key, { value, size });
    this.bytes += size;
    for (const [k, v] of this.map) {
      if (this.map.size <= this.maxEntries && this.bytes <= this.maxSize) break;
      this.map.delete(k);
      this.bytes -= v.size;
    }
  }

  get size(): number {
    return this.map.size;
  }

  /** Total size of the entries, in the unit of `sizeOf`. */
  get totalSize(): number {
    return this.bytes;
  }
}
