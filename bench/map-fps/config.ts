// The command line of `npm run bench:map` and the settings it picks.
import { parseArgs } from 'node:util';

/** The page size measured at (test/helpers/browser.ts opens its pages at the same). */
export const VIEWPORT = { width: 1600, height: 900 };

export function readConfig() {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      rebuild: { type: 'boolean', default: false },
      rounds: { type: 'string' },
    },
  });
  const quick = values.quick;
  return {
    quick,
    rebuild: values.rebuild,
    /** Measurements of each N, each followed by a baseline (quick: 1, else 2; --rounds R). */
    rounds: Math.max(1, Number(values.rounds ?? (quick ? 1 : 2))),
    counts: quick ? [1_000, 5_000] : [1_000, 5_000, 10_000],
    windowS: quick ? 5 : 10,
    /** After the page holds N entities: shaders, buffers and colours settle. */
    settleS: quick ? 2 : 3,
  };
}

export type MapBenchConfig = ReturnType<typeof readConfig>;
