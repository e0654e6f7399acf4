// A small, fast, seedable PRNG (mulberry32) with the distributions the simulation draws
// from. `fork(label)` gives an independent stream per concern, derived from the seed and
// the label only, so adding a draw to one process never changes what another one sees.

const hashLabel = (label: string): number => {
  let h = 2_166_136_261; // FNV-1a
  for (let i = 0; i < label.length; i += 1) h = Math.imul(h ^ label.charCodeAt(i), 16_777_619);
  return h >>> 0;
};

export function createRng(seed: number) {
  const origin = seed >>> 0;
  let state = origin;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const between = (min: number, max: number) => min + (max - min) * next();
  const normal = (mean: number, sd: number) => {
    const u = 1 - next(); // (0, 1]: log(0) is not a number
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
  };
  return {
    next,
    between,
    /** An integer in [min, max], both included. */
    integer: (min: number, max: number) => Math.floor(between(min, max + 1)),
    chance: (probability: number) => next() < probability,
    normal,
    /** Exponentially distributed with the given mean (e.g. times between failures). */
    exponential: (mean: number) => -mean * Math.log(1 - next()),
    /** Log-normal with the given median; sigma is the spread of the logarithm. */
    logNormal: (median: number, sigma: number) => median * Math.exp(normal(0, sigma)),
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)]!;
    },
    /** An index drawn with probability proportional to its weight. */
    weightedIndex: (weights: readonly number[]): number => {
      const total = weights.reduce((sum, w) => sum + w, 0);
      if (!(total > 0)) throw new Error('weighted pick without a positive weight');
      let target = next() * total;
      for (let i = 0; i < weights.length; i += 1) {
        target -= weights[i]!;
        if (target < 0) return i;
      }
      return weights.length - 1;
    },
    /** Shuffles the array in place (Fisher-Yates) and returns it. */
    shuffle: <T>(items: T[]): T[] => {
      for (let i = items.length - 1; i > 0; i -= 1) {
        const j = Math.floor(next() * (i + 1));
        [items[i], items[j]] = [items[j]!, items[i]!];
      }
      return items;
    },
    fork: (label: string) => createRng(Math.imul(origin ^ hashLabel(label), 2_654_435_761)),
  };
}
export type Rng = ReturnType<typeof createRng>;
