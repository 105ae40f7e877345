import { describe, expect, it } from 'vitest';
import { PackedMap, PackedSet } from '../../src/core/search/packed.ts';

describe('PackedMap', () => {
  const words = ['straße', 'strasse', 'Österreich', 'oesterreich', 'ab', 'abc', 'a', 'zürich', 'zurich', '', 'mañana'];

  it('finds every key and only those, whatever the characters and prefixes', () => {
    const map = PackedMap.fromMap(new Map(words.map((w, i) => [w, `v${i}`])));
    expect(map.size).toBe(words.length);
    words.forEach((w, i) => expect(map.get(w)).toBe(`v${i}`));
    for (const absent of ['abd', 'b', 'straß', 'Zürich', 'österreich', 'mana', 'zz']) expect(map.has(absent)).toBe(false);
  });

  it('lists its entries in the order the lexicon files are sorted in', () => {
    const seen: string[] = [];
    PackedMap.fromMap(new Map(words.map((w) => [w, w.toUpperCase()]))).forEach((key, value) => {
      expect(value).toBe(key.toUpperCase());
      seen.push(key);
    });
    expect(seen).toEqual([...words].sort());
  });

  it('takes entries sorted or not, keeping the first value of a key given twice', () => {
    const map = PackedMap.fromEntries([['b', '1'], ['a', '2'], ['b', '3']]);
    expect([map.size, map.get('a'), map.get('b')]).toEqual([2, '2', '1']);
    expect(PackedMap.fromEntries([['a', '1'], ['b', '2']]).get('b')).toBe('2');
    expect(PackedMap.fromEntries([]).has('a')).toBe(false);
  });
});

describe('PackedSet', () => {
  it('holds members given sorted or not, each once', () => {
    const unsorted = new PackedSet(['kiew', 'kyjiw', 'kiew', 'charkiw']);
    expect(unsorted.size).toBe(3);
    expect(['kiew', 'kyjiw', 'charkiw'].every((w) => unsorted.has(w))).toBe(true);
    expect(unsorted.has('kie')).toBe(false);
    expect(new PackedSet(['a', 'b', 'c']).has('b')).toBe(true);
  });
});
