import { describe, expect, it } from 'vitest';
import { buildDemoPort } from './demo-port.ts';
import { placeCentres } from './place-centres.ts';

describe('placeCentres', () => {
  const model = buildDemoPort();
  const centres = placeCentres(model);

  it('puts a yard block centre inside the block, halfway between its corners', () => {
    const block = model.features.find((f) => f.properties.id === 'T1-YB03')!;
    const ring = (block.geometry.coordinates as [number, number][][])[0]!;
    const [lon, lat] = centres.get('T1-YB03')!;
    const lons = ring.map((p) => p[0]);
    const lats = ring.map((p) => p[1]);
    expect(lon).toBeCloseTo((Math.min(...lons) + Math.max(...lons)) / 2, 9);
    expect(lat).toBeCloseTo((Math.min(...lats) + Math.max(...lats)) / 2, 9);
    expect(lon).toBeGreaterThan(Math.min(...lons));
    expect(lon).toBeLessThan(Math.max(...lons));
  });

  it('knows berths, lanes (lines) and cranes (points), and nothing that is not there', () => {
    for (const id of ['T1-B1', 'T1-gate-in-01', 'T1-inspection-scan-1', 'T1-QC01'])
      expect(centres.get(id), id).toHaveLength(2);
    const crane = model.features.find((f) => f.properties.id === 'T1-QC01')!;
    expect(centres.get('T1-QC01')).toEqual(crane.geometry.coordinates);
    expect(centres.get('T1-Y-NOPE')).toBeUndefined();
  });
});
