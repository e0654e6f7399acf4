import { describe, expect, it } from 'vitest';
import { etaToEpochMs } from './eta.ts';
import { deg } from '../../simulators/ais/ais-encoder.ts';
import {
  aidToNavigation,
  baseStation,
  classA,
  classB,
  extendedClassB,
  longRange,
  staticVoyage,
} from '../../simulators/ais/ais-messages.ts';
import { decode } from './testing/decode.ts';
import { toVesselPosition, toVesselStatic } from './to-quayside.ts';

describe('etaToEpochMs', () => {
  const at = Date.UTC(2026, 11, 20, 12);

  it('places the ETA in the year closest to the receive time', () => {
    expect(etaToEpochMs({ month: 12, day: 24, hour: 6, minute: 30 }, at)).toBe(
      Date.UTC(2026, 11, 24, 6, 30),
    );
    expect(etaToEpochMs({ month: 1, day: 3, hour: 0, minute: 0 }, at)).toBe(Date.UTC(2027, 0, 3));
    expect(etaToEpochMs({ month: 11, day: 30, hour: 8, minute: 0 }, at)).toBe(
      Date.UTC(2026, 10, 30, 8),
    );
  });

  it('needs all four parts and a real date', () => {
    expect(etaToEpochMs({ month: 12, day: 24 }, at)).toBeUndefined();
    expect(etaToEpochMs({ month: 2, day: 30, hour: 0, minute: 0 }, at)).toBeUndefined();
    expect(etaToEpochMs(undefined, at)).toBeUndefined();
    expect(etaToEpochMs({ month: 2, day: 29, hour: 0, minute: 0 }, Date.UTC(2028, 0, 1))).toBe(
      Date.UTC(2028, 1, 29),
    );
  });
});

describe('toVesselPosition', () => {
  it('maps class A, class B and long-range reports with a position', () => {
    const a = decode(
      classA({
        mmsi: 244000001,
        status: 5,
        sog: 3,
        lon: deg(4.1),
        lat: deg(51.9),
        cog: 900,
        heading: 91,
      }),
    );
    expect(toVesselPosition(a)).toEqual({
      mmsi: '244000001',
      timeMs: 0,
      lon: 4.1,
      lat: 51.9,
      sogKnots: 0.3,
      cogDeg: 90,
      headingDeg: 91,
      navStatus: 5,
    });
    const b = decode(classB({ mmsi: 244000002, lon: deg(4.2), lat: deg(52) }));
    expect(toVesselPosition(b)).toEqual({ mmsi: '244000002', timeMs: 0, lon: 4.2, lat: 52 });
    expect(toVesselPosition(decode(extendedClassB({ lon: deg(1), lat: deg(2) })))).toMatchObject({
      lon: 1,
      lat: 2,
    });
    expect(
      toVesselPosition(decode(longRange({ lon: 600, lat: -600, sog: 10, status: 0 }))),
    ).toMatchObject({ lon: 1, lat: -1, sogKnots: 10, navStatus: 0 });
  });

  it('gives nothing without a position, or for base stations and aids to navigation', () => {
    expect(toVesselPosition(decode(classA({ lat: deg(51.9) })))).toBeUndefined();
    expect(toVesselPosition(decode(baseStation({ lon: deg(4), lat: deg(52) })))).toBeUndefined();
    expect(
      toVesselPosition(decode(aidToNavigation({ lon: deg(4), lat: deg(52) }))),
    ).toBeUndefined();
  });
});

describe('toVesselStatic', () => {
  it('maps type 5 with the ETA placed in time, the IMO as 7 digits', () => {
    const m = decode(
      staticVoyage({
        mmsi: 244660123,
        imo: 9321483,
        callSign: 'PBQX7',
        name: 'EVER ORDER',
        shipType: 70,
        bow: 250,
        stern: 49,
        port: 20,
        starboard: 12,
        month: 1,
        day: 2,
        hour: 3,
        minute: 4,
        draught: 118,
        destination: 'NLRTM',
      }),
    );
    expect(toVesselStatic(m, Date.UTC(2026, 11, 30))).toEqual({
      mmsi: '244660123',
      timeMs: Date.UTC(2026, 11, 30),
      imo: '9321483',
      name: 'EVER ORDER',
      callSign: 'PBQX7',
      shipType: 70,
      toBowM: 250,
      toSternM: 49,
      toPortM: 20,
      toStarboardM: 12,
      draughtM: 11.8,
      destination: 'NLRTM',
      etaMs: Date.UTC(2027, 0, 2, 3, 4),
    });
  });

  it('leaves out an IMO number whose check digit is wrong', () => {
    expect(toVesselStatic(decode(staticVoyage({ imo: 9321484 })))).not.toHaveProperty('imo');
  });

  it('maps type 19 and merged type 24 data, and nothing for other types', () => {
    expect(
      toVesselStatic(decode(extendedClassB({ mmsi: 7, name: 'SMALL', shipType: 36 }))),
    ).toEqual({ mmsi: '000000007', timeMs: 0, name: 'SMALL', shipType: 36 });
    expect(
      toVesselStatic({ mmsi: '244000001', name: 'A', callSign: 'B', toBowM: 5, partAAtMs: 1 }, 9),
    ).toEqual({ mmsi: '244000001', timeMs: 9, name: 'A', callSign: 'B', toBowM: 5 });
    expect(toVesselStatic(decode(classA()))).toBeUndefined();
  });
});
