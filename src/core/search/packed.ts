/**
 * Read-only string maps packed into two strings and two offset arrays, searched by bisection.
 * The lexicon's dictionaries hold hundreds of thousands of entries; as Maps and Sets they were as
 * many heap objects, which every full garbage collection visited one by one while the questions in
 * flight waited. Packed, they are four objects whatever their size, at about a microsecond per
 * look-up (a Set takes half of one).
 */
export class PackedMap {
  private constructor(
    private readonly keys: string,
    /** Where key `i` starts in `keys`; one more entry than there are keys. */
    private readonly keyStarts: Uint32Array,
    private readonly values: string,
    private readonly valueStarts: Uint32Array,
  ) {}

  /**
   * The entries by key; of a key given twice, the first value is kept. Entries already in key
   * order, each key once (as the lexicon files hold them), are packed without sorting.
   */
  static fromEntries(entries: readonly (readonly [string, string])[]): PackedMap {
    const keys = entries.map(([key]) => key);
    if (keys.every((key, i) => i === 0 || keys[i - 1]! < key)) return PackedMap.pack(keys, entries.map(([, value]) => value));
    const byKey = new Map<string, string>();
    for (const [key, value] of entries) if (!byKey.has(key)) byKey.set(key, value);
    return PackedMap.fromMap(byKey);
  }

  static fromMap(map: ReadonlyMap<string, string>): PackedMap {
    // The default sort compares UTF-16 code units, as `compare` does.
    const keys = [...map.keys()].sort();
    return PackedMap.pack(keys, keys.map((key) => map.get(key)!));
  }

  private static pack(keys: string[], values: string[]): PackedMap {
    return new PackedMap(keys.join(''), offsets(keys), values.join(''), offsets(values));
  }

  get size(): number {
    return this.keyStarts.length - 1;
  }

  has(key: string): boolean {
    return this.indexOf(key) >= 0;
  }

  get(key: string): string | undefined {
    const i = this.indexOf(key);
    return i < 0 ? undefined : this.values.slice(this.valueStarts[i]!, this.valueStarts[i + 1]!);
  }

  /** Calls `visit` with every entry in key order. */
  forEach(visit: (key: string, value: string) => void): void {
    for (let i = 0; i < this.size; i++) {
      visit(this.keys.slice(this.keyStarts[i]!, this.keyStarts[i + 1]!), this.values.slice(this.valueStarts[i]!, this.valueStarts[i + 1]!));
    }
  }

  private indexOf(key: string): number {
    let low = 0;
    let high = this.size - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const order = this.compare(key, middle);
      if (order === 0) return middle;
      if (order < 0) high = middle - 1;
      else low = middle + 1;
    }
    return -1;
  }

  /** `key` against key `i`, in UTF-16 code unit order as `Array.prototype.sort` orders strings. */
  private compare(key: string, i: number): number {
    const start = this.keyStarts[i]!;
    const length = this.keyStarts[i + 1]! - start;
    const shared = Math.min(key.length, length);
    for (let c = 0; c < shared; c++) {
      const difference = key.charCodeAt(c) - this.keys.charCodeAt(start + c);
      if (difference !== 0) return difference;
    }
    return key.length - length;
  }
}

/** Where each part starts in the parts joined, and where the last one ends. */
function offsets(parts: readonly string[]): Uint32Array {
  const starts = new Uint32Array(parts.length + 1);
  for (let i = 0; i < parts.length; i++) starts[i + 1] = starts[i]! + parts[i]!.length;
  return starts;
}

/** A read-only set of strings, packed as `PackedMap` keys. */
export class PackedSet {
  private readonly map: PackedMap;

  constructor(members: Iterable<string>) {
    this.map = PackedMap.fromEntries([...members].map((member) => [member, ''] as const));
  }

  get size(): number {
    return this.map.size;
  }

  has(member: string): boolean {
    return this.map.has(member);
  }
}
