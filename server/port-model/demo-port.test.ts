import { describe, expect, it } from 'vitest';
import type { FeatureOfKind, PortFeature, PortFeatureKind } from '../../protocol/port-model.ts';
import { buildDemoPort } from './demo-port.ts';
import { validatePortModel } from './load-port-model.ts';

const model = buildDemoPort();
const ofKind = <K extends PortFeatureKind>(kind: K) =>
  model.features.filter((f: PortFeature): f is FeatureOfKind<K> => f.properties.kind === kind);

describe('buildDemoPort', () => {
  it('passes the port model validation', () => {
    expect(validatePortModel(buildDemoPort(), 'demo')).toEqual(model);
  });

  it('is the same every time it is built', () => {
    expect(buildDemoPort()).toEqual(model);
  });

  it('has 6 berths and at least 50 yard blocks', () => {
    expect(ofKind('berth')).toHaveLength(6);
    expect(ofKind('yard_block').length).toBeGreaterThanOrEqual(50);
  });

  it('has one of each of water, land and quay, and a road network', () => {
    expect(ofKind('water')).toHaveLength(1);
    expect(ofKind('land')).toHaveLength(1);
    expect(ofKind('quay')).toHaveLength(1);
    expect(ofKind('road').length).toBeGreaterThan(1);
  });

  it('gives every feature a unique id', () => {
    const ids = model.features.map((f) => f.properties.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives every yard block a capacity of bays × rows × tiers', () => {
    for (const block of ofKind('yard_block')) {
      const { bays, rows, tiers, capacityTeu } = block.properties;
      expect(capacityTeu, block.properties.id).toBe(bays * rows * tiers);
    }
  });

  it('splits the quay evenly into berths whose lengths add up to the quay', () => {
    const [start, end] = ofKind('quay')[0]!.geometry.coordinates as [number, number][];
    // The demo port's own local frame: 111 320 m per degree of latitude.
    const metresPerDegreeLon = 111_320 * Math.cos((start![1] * Math.PI) / 180);
    const quayLengthM = Math.hypot(
      (end![0] - start![0]) * metresPerDegreeLon,
      (end![1] - start![1]) * 111_320,
    );
    const lengths = ofKind('berth').map((b) => b.properties.lengthM);
    expect(new Set(lengths).size).toBe(1);
    expect(lengths.reduce((sum, l) => sum + l, 0)).toBeCloseTo(quayLengthM, 1);
  });

  it('closes every polygon ring', () => {
    for (const feature of model.features) {
      if (feature.geometry.type !== 'Polygon') continue;
      for (const ring of feature.geometry.coordinates)
        expect(ring.at(-1), feature.properties.id).toEqual(ring[0]);
    }
  });

  it('puts its centre inside the land area', () => {
    const [lon, lat] = model.properties.center;
    const ring = ofKind('land')[0]!.geometry.coordinates[0]!;
    const lons = ring.map((p) => p[0]);
    const lats = ring.map((p) => p[1]);
    expect(lon).toBeGreaterThan(Math.min(...lons));
    expect(lon).toBeLessThan(Math.max(...lons));
    expect(lat).toBeGreaterThan(Math.min(...lats));
    expect(lat).toBeLessThan(Math.max(...lats));
  });
});
