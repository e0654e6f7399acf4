import { describe, expect, it } from 'vitest';
import { AisStreamDecoder } from './stream-decoder.ts';
import { deg } from '../../simulators/ais/ais-encoder.ts';
import { classA, classB, extendedClassB, longRange } from '../../simulators/ais/ais-messages.ts';
import { decode } from './testing/decode.ts';

describe('types 1, 2, 3: class A position report', () => {
  it('decodes the documented Seattle example (gpsd AIVDM description)', () => {
    const [m] = new AisStreamDecoder().feed('!AIVDM,1,1,,B,177KQJ5000G?tO`K>RA1wUbN0TKH,0*5C', 0);
    expect(m).toMatchObject({
      type: 1,
      mmsi: '477553000',
      navStatus: 5,
      sogKnots: 0,
      cogDeg: 51,
      headingDeg: 181,
    });
    expect(m && 'lon' in m && m.lon).toBeCloseTo(-122.3458, 4);
    expect(m && 'lat' in m && m.lat).toBeCloseTo(47.5828, 4);
  });

  it('decodes every field in Quayside units', () => {
    const m = decode(
      classA({
        type: 3,
        repeat: 2,
        mmsi: 244123456,
        status: 1,
        rot: 20,
        sog: 123,
        accuracy: true,
        lon: deg(4.2853),
        lat: deg(51.9225),
        cog: 2241,
        heading: 224,
        second: 33,
        maneuver: 1,
        raim: true,
        radio: 81234,
      }),
    );
    expect(m).toMatchObject({
      type: 3,
      repeat: 2,
      mmsi: '244123456',
      navStatus: 1,
      rotRaw: 20,
      sogKnots: 12.3,
      positionAccuracy: true,
      cogDeg: 224.1,
      headingDeg: 224,
      second: 33,
      maneuver: 1,
      raim: true,
      radio: 81234,
      bitLength: 168,
    });
    expect(m.type === 3 && m.rotDegPerMin).toBeCloseTo((20 / 4.733) ** 2, 6);
    expect(m.type === 3 && m.lon).toBeCloseTo(4.2853, 6);
    expect(m.type === 3 && m.lat).toBeCloseTo(51.9225, 6);
  });

  it('turns every not-available code into undefined, never a number', () => {
    const m = decode(classA({ mmsi: 1 })); // the builder's defaults are the n/a codes
    for (const key of [
      'lon',
      'lat',
      'sogKnots',
      'cogDeg',
      'headingDeg',
      'second',
      'rotDegPerMin',
      'turningFast',
      'maneuver',
    ]) {
      expect(m).not.toHaveProperty(key);
    }
    expect(m).toMatchObject({ rotRaw: -128, secondStatus: 'not-available', navStatus: 15 });
  });

  it('keeps the sign of negative longitudes and latitudes, and the extremes', () => {
    const m = decode(classA({ lon: deg(-180), lat: deg(-90), sog: 1022, cog: 3599, heading: 359 }));
    expect(m).toMatchObject({
      lon: -180,
      lat: -90,
      sogKnots: 102.2,
      cogDeg: 359.9,
      headingDeg: 359,
    });
    const south = decode(classA({ lon: deg(-58.3816), lat: deg(-34.6037) }));
    expect(south.type === 1 && south.lon).toBeCloseTo(-58.3816, 6);
    expect(south.type === 1 && south.lat).toBeCloseTo(-34.6037, 6);
  });

  it('treats positions beyond ±180/±90 and codes above the ranges as not available', () => {
    const m = decode(classA({ lon: deg(-181), lat: deg(95), cog: 4000, heading: 400 }));
    for (const key of ['lon', 'lat', 'cogDeg', 'headingDeg']) expect(m).not.toHaveProperty(key);
  });

  it('decodes the rate of turn with its sign, and ±127 as fast turns without a value', () => {
    const rot = (raw: number) => decode(classA({ rot: raw }));
    expect(rot(0)).toMatchObject({ rotDegPerMin: 0 });
    expect(rot(-30)).toMatchObject({ rotRaw: -30 });
    expect(rot(-30).type === 1 && (rot(-30) as { rotDegPerMin: number }).rotDegPerMin).toBeCloseTo(
      -((30 / 4.733) ** 2),
      6,
    );
    expect((rot(126) as { rotDegPerMin: number }).rotDegPerMin).toBeCloseTo(708.7, 1);
    expect(rot(127)).toMatchObject({ turningFast: 'right' });
    expect(rot(127)).not.toHaveProperty('rotDegPerMin');
    expect(rot(-127)).toMatchObject({ turningFast: 'left' });
  });

  it('says why the time stamp second is missing (60-63)', () => {
    expect(decode(classA({ second: 59 }))).toMatchObject({ second: 59 });
    expect(decode(classA({ second: 61 }))).toMatchObject({ secondStatus: 'manual' });
    expect(decode(classA({ second: 62 }))).toMatchObject({ secondStatus: 'estimated' });
    expect(decode(classA({ second: 63 }))).toMatchObject({ secondStatus: 'inoperative' });
  });
});

describe('type 18: class B position report', () => {
  it('decodes position, motion and the class B flags', () => {
    const m = decode(
      classB({
        mmsi: 211234567,
        sog: 58,
        lon: deg(9.9937),
        lat: deg(53.5511),
        cog: 1805,
        heading: 181,
        second: 7,
        cs: true,
        display: true,
        dsc: true,
        band: true,
        msg22: true,
        assigned: false,
        raim: true,
      }),
    );
    expect(m).toMatchObject({
      type: 18,
      mmsi: '211234567',
      sogKnots: 5.8,
      cogDeg: 180.5,
      headingDeg: 181,
      second: 7,
      csUnit: true,
      hasDisplay: true,
      hasDsc: true,
      wholeBand: true,
      acceptsMessage22: true,
      assignedMode: false,
      raim: true,
    });
    expect(m.type === 18 && m.lat).toBeCloseTo(53.5511, 6);
  });

  it('leaves out what is not available', () => {
    const m = decode(classB());
    for (const key of ['lon', 'lat', 'sogKnots', 'cogDeg', 'headingDeg', 'second'])
      expect(m).not.toHaveProperty(key);
  });
});

describe('type 19: extended class B position report', () => {
  it('decodes position, name, ship type and dimensions', () => {
    const m = decode(
      extendedClassB({
        mmsi: 245123987,
        sog: 64,
        lon: deg(5.3142),
        lat: deg(53.3961),
        cog: 2718,
        name: 'WADDEN@',
        shipType: 37,
        bow: 9,
        stern: 3,
        port: 2,
        starboard: 3,
        epfd: 1,
        dte: false,
      }),
    );
    expect(m).toMatchObject({
      type: 19,
      sogKnots: 6.4,
      cogDeg: 271.8,
      name: 'WADDEN',
      shipType: 37,
      toBowM: 9,
      toSternM: 3,
      toPortM: 2,
      toStarboardM: 3,
      epfd: 1,
      dteReady: true,
    });
    expect(m.bitLength).toBe(312);
  });
});

describe('type 27: long-range position report', () => {
  it('decodes 1/10-minute positions, whole knots and degrees', () => {
    const m = decode(
      longRange({
        mmsi: 563012345,
        status: 0,
        lon: -41543,
        lat: -20488,
        sog: 17,
        cog: 93,
        gnss: true,
      }),
    );
    expect(m).toMatchObject({
      type: 27,
      navStatus: 0,
      sogKnots: 17,
      cogDeg: 93,
      gnssPosition: true,
    });
    expect(m.type === 27 && m.lon).toBeCloseTo(-69.2383, 4);
    expect(m.type === 27 && m.lat).toBeCloseTo(-34.1467, 4);
  });

  it('leaves out the not-available codes 181° and 91° (108600, 54600), 63 and 511', () => {
    const m = decode(longRange());
    for (const key of ['lon', 'lat', 'sogKnots', 'cogDeg']) expect(m).not.toHaveProperty(key);
  });
});
