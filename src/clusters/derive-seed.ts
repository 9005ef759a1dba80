import { createRandomSource, type RandomSource } from '../stats/random-source.js';

/**
 * The seed of one named random stream, mixed from the user's seed and small integers (a stream tag, k, the
 * restart) with the MurmurHash3 32-bit finaliser (Appleby 2008). Streams are independent of each other, so the
 * clusters for k = 5 do not depend on which other k were tried. Result in [1, 2^32 − 1].
 */
export function deriveSeed(seed: number, ...parts: readonly number[]): number {
  let h = seed >>> 0;
  for (const part of parts) h = mix(h ^ Math.imul((part >>> 0) + 1, 0x9e3779b1));
  return mix(h) || 1;
}

function mix(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The random streams of `autoSegments`, one per purpose. */
export const STREAM = { fit: 1, silhouette: 2, kmeans: 3, tree: 4 } as const;

/** A seeded uniform source for one stream. */
export function randomStream(seed: number, tag: number): RandomSource {
  return createRandomSource(deriveSeed(seed, tag));
}
