import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../simulation-config.ts';
import type { BerthSite } from '../world/port-layout.ts';
import { BerthPlanner } from './berth-planner.ts';

const berth = (id: string, depthM: number): BerthSite => ({
  id,
  lengthM: 350,
  depthM,
  fromM: 0,
  toM: 350,
  cranes: [{ id: `${id}-QC`, railOrder: 1, parkedAlongM: 100, outreachM: 70 }],
});
const { feeder, large } = DEFAULT_CONFIG.vessels;

describe('BerthPlanner', () => {
  const berths = [berth('B1', 15), berth('B2', 17.5), berth('B3', 17.5)];

  it('gives the preferred berth when it is free, else the nearest that fits', () => {
    const planner = new BerthPlanner(berths);
    const got: string[] = [];
    planner.request({ spec: feeder, preferredBerth: 'B2', onAssigned: (b) => got.push(b.id) });
    planner.request({ spec: feeder, preferredBerth: 'B2', onAssigned: (b) => got.push(b.id) });
    planner.request({ spec: large, preferredBerth: 'B1', onAssigned: (b) => got.push(b.id) });
    expect(got).toEqual(['B2', 'B1', 'B3']);
  });

  it('keeps a ship waiting until a berth that fits comes free, first come first served', () => {
    const planner = new BerthPlanner(berths);
    const got: string[] = [];
    for (let i = 0; i < berths.length; i += 1)
      planner.request({ spec: feeder, preferredBerth: 'B1', onAssigned: () => {} });
    expect(
      planner.request({
        spec: large,
        preferredBerth: 'B2',
        onAssigned: (b) => got.push(`large:${b.id}`),
      }),
    ).toBe(false);
    planner.request({
      spec: feeder,
      preferredBerth: 'B2',
      onAssigned: (b) => got.push(`feeder:${b.id}`),
    });
    expect(planner.queueLength).toBe(2);
    planner.release(berths[0]!); // too shallow for the large ship: the feeder behind it goes
    expect(got).toEqual(['feeder:B1']);
    planner.release(berths[2]!);
    expect(got).toEqual(['feeder:B1', 'large:B3']);
  });

  it('never gives a ship a berth too short, too shallow or without cranes', () => {
    expect(BerthPlanner.fits(berth('B', 15), large)).toBe(false);
    expect(BerthPlanner.fits({ ...berth('B', 18), lengthM: 300 }, large)).toBe(false);
    expect(BerthPlanner.fits({ ...berth('B', 18), cranes: [] }, feeder)).toBe(false);
    expect(BerthPlanner.fits(berth('B', 18), large)).toBe(true);
  });
});
