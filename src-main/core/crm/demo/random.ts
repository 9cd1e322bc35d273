/*
 * Seeded randomness for the demo CRM. Every record draws from its own stream, keyed by
 * (seed, kind, index), so record i can be generated alone, in any order, and always the same.
 */
import { mulberry32 } from '../../random/mulberry32';

/** murmur3's finaliser: nearby inputs (index 7 and 8) get unrelated streams. */
function mix(value: number): number {
  let h = value >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export function streamFor(seed: number, kind: number, index: number): () => number {
  // The index is split in two 32-bit halves so indices past 2^32 still differ.
  const low = index >>> 0;
  const high = Math.floor(index / 4294967296) >>> 0;
  return mulberry32(mix(mix(mix(seed >>> 0) ^ Math.imul(kind + 1, 0x9e3779b1)) ^ low) ^ high);
}

export type Random = () => number;

export const pick = <T>(list: readonly T[], random: Random): T => list[Math.floor(random() * list.length)] as T;

export const between = (low: number, high: number, random: Random): number => low + Math.floor(random() * (high - low + 1));
