import { describe, expect, it } from 'vitest';
import { LruCache } from '../../../src-main/core/knowledge/search/lru-cache';

describe('LruCache', () => {
  it('drops the least recently used entry past its capacity', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    expect(cache.has('b')).toBe(false);
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
    expect(cache.size).toBe(2);
  });

  it('remembers undefined values apart from missing keys', () => {
    const cache = new LruCache<string, string | undefined>(2);
    cache.set('none', undefined);
    expect(cache.has('none')).toBe(true);
    expect(cache.has('other')).toBe(false);
    expect(cache.get('none')).toBeUndefined();
  });

  it('refreshes an entry written again and can be cleared', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('a', 10);
    cache.set('c', 3);
    expect(cache.has('b')).toBe(false);
    expect(cache.get('a')).toBe(10);
    cache.delete('a');
    expect(cache.has('a')).toBe(false);
    cache.clear();
    expect(cache.size).toBe(0);
  });
});
