import { describe, expect, it } from 'vitest';
import { BitWriter, deg } from '../../simulators/ais/ais-encoder.ts';
import {
  aidToNavigation,
  baseStation,
  classA,
  static24A,
  static24B,
  staticVoyage,
  truncate,
} from '../../simulators/ais/ais-messages.ts';
import { decode, outcomeOf } from './testing/decode.ts';

describe('type 5: static and voyage related data', () => {
  const full = {
    mmsi: 244660123,
    aisVersion: 1,
    imo: 9321483,
    callSign: 'PBQX7',
    name: 'EVER ORDER',
    shipType: 70,
    bow: 250,
    stern: 49,
    port: 20,
    starboard: 12,
    epfd: 1,
    month: 11,
    day: 3,
    hour: 17,
    minute: 45,
    draught: 118,
    destination: 'NLRTM',
    dte: false,
  };

  it('decodes identity, dimensions, ETA, draught and destination', () => {
    expect(decode(staticVoyage(full))).toMatchObject({
      type: 5,
      mmsi: '244660123',
      aisVersion: 1,
      imo: 9321483,
      callSign: 'PBQX7',
      name: 'EVER ORDER',
      shipType: 70,
      toBowM: 250,
      toSternM: 49,
      toPortM: 20,
      toStarboardM: 12,
      epfd: 1,
      eta: { month: 11, day: 3, hour: 17, minute: 45 },
      draughtM: 11.8,
      destination: 'NLRTM',
      dteReady: true,
      bitLength: 424,
    });
  });

  it('turns the not-available values into undefined', () => {
    const m = decode(staticVoyage({ mmsi: 1 }));
    for (const key of [
      'imo',
      'callSign',
      'name',
      'shipType',
      'toBowM',
      'toSternM',
      'toPortM',
      'toStarboardM',
      'epfd',
      'eta',
      'draughtM',
      'destination',
    ]) {
      expect(m).not.toHaveProperty(key);
    }
    const partial = decode(staticVoyage({ month: 12, day: 0, hour: 24, minute: 60 }));
    expect(partial).toMatchObject({ eta: { month: 12 } });
    expect(decode(staticVoyage({ shipType: 150 }))).not.toHaveProperty('shipType');
  });

  it('keeps a 0 dimension when the others are known, and the "or more" maxima', () => {
    expect(decode(staticVoyage({ bow: 0, stern: 511, port: 0, starboard: 63 }))).toMatchObject({
      toBowM: 0,
      toSternM: 511,
      toPortM: 0,
      toStarboardM: 63,
    });
    expect(decode(staticVoyage({ draught: 255 }))).toMatchObject({ draughtM: 25.5 });
  });

  it('trims @ padding, garbage after @, and trailing spaces from strings', () => {
    const m = decode(
      staticVoyage({ name: 'NORDIC@XYZ', callSign: 'PD  ', destination: 'ROTTERDAM     ' }),
    );
    expect(m).toMatchObject({ name: 'NORDIC', callSign: 'PD', destination: 'ROTTERDAM' });
  });

  it('accepts the 420 and 422 bit lengths found in the wild', () => {
    const m420 = decode(staticVoyage({ ...full, bits: 420 }));
    expect(m420).toMatchObject({ bitLength: 420, destination: 'NLRTM', name: 'EVER ORDER' });
    expect(m420).not.toHaveProperty('dteReady');
    expect(decode(staticVoyage({ ...full, bits: 422 }))).toMatchObject({
      bitLength: 422,
      imo: 9321483,
    });
  });

  it('refuses lengths too short for the fields', () => {
    expect(outcomeOf(staticVoyage({ ...full, bits: 400 }))).toMatchObject({
      kind: 'error',
      problem: 'bad-length',
    });
  });
});

describe('type 24: static data report', () => {
  it('decodes part A (the name), at 168 or 160 bits', () => {
    expect(decode(static24A(211234567, 'SEA BREEZE'))).toMatchObject({
      type: 24,
      part: 'A',
      name: 'SEA BREEZE',
    });
    expect(decode(static24A(211234567, 'SEA BREEZE', 160))).toMatchObject({
      part: 'A',
      bitLength: 160,
    });
  });

  it('decodes part B: type, vendor, model, serial, call sign, dimensions', () => {
    const m = decode(
      static24B(211234567, {
        shipType: 37,
        vendorId: 'ABC',
        model: 2,
        serial: 123456,
        callSign: 'DK1234',
        bow: 8,
        stern: 3,
        port: 2,
        starboard: 1,
      }),
    );
    expect(m).toMatchObject({
      part: 'B',
      shipType: 37,
      vendorId: 'ABC',
      unitModel: 2,
      serialNumber: 123456,
      callSign: 'DK1234',
      toBowM: 8,
      toSternM: 3,
      toPortM: 2,
      toStarboardM: 1,
    });
    expect(m).not.toHaveProperty('mothershipMmsi');
  });

  it('reads the mothership MMSI instead of dimensions for an auxiliary craft (98XXXYYYY)', () => {
    const m = decode(static24B(982111234, { shipType: 52, mothership: 211000111 }));
    expect(m).toMatchObject({ mmsi: '982111234', mothershipMmsi: '211000111' });
    expect(m).not.toHaveProperty('toBowM');
    const ship = decode(static24B(211111234, { mothership: 211000111 }));
    expect(ship).not.toHaveProperty('mothershipMmsi');
  });

  it('refuses part numbers 2 and 3', () => {
    const w = new BitWriter().uint(24, 6).uint(0, 2).uint(211234567, 30).uint(3, 2).uint(0, 128);
    expect(outcomeOf(w)).toMatchObject({ kind: 'error', problem: 'bad-part-number' });
  });
});

describe('types 4 and 11: base station report', () => {
  it('decodes the UTC clock, position and EPFD', () => {
    const m = decode(
      baseStation({
        mmsi: 2449871,
        year: 2026,
        month: 3,
        day: 14,
        hour: 9,
        minute: 26,
        second: 53,
        accuracy: true,
        lon: deg(4.0567),
        lat: deg(51.9876),
        epfd: 7,
      }),
    );
    expect(m).toMatchObject({
      type: 4,
      mmsi: '002449871',
      utc: { year: 2026, month: 3, day: 14, hour: 9, minute: 26, second: 53 },
      utcMs: Date.UTC(2026, 2, 14, 9, 26, 53),
      epfd: 7,
      positionAccuracy: true,
    });
    expect(
      decode(
        baseStation({ type: 11, year: 2026, month: 1, day: 1, hour: 0, minute: 0, second: 0 }),
      ),
    ).toMatchObject({ type: 11, utcMs: Date.UTC(2026, 0, 1) });
  });

  it('leaves every not-available part out (year 0, month 0, day 0, hour 24, minute 60, second 60)', () => {
    const m = decode(baseStation());
    expect(m).toMatchObject({ utc: {} });
    for (const key of ['utcMs', 'lon', 'lat', 'epfd']) expect(m).not.toHaveProperty(key);
    const noTime = decode(
      baseStation({ year: 2026, month: 2, day: 30, hour: 10, minute: 0, second: 0 }),
    );
    expect(noTime).not.toHaveProperty('utcMs'); // 30 February
  });
});

describe('type 21: aid-to-navigation report', () => {
  it('decodes type, name, position, dimensions and flags', () => {
    const m = decode(
      aidToNavigation({
        mmsi: 992449876,
        aidType: 20,
        name: 'MAASMOND N',
        lon: deg(4.05),
        lat: deg(52.0),
        bow: 2,
        stern: 2,
        port: 2,
        starboard: 2,
        epfd: 7,
        second: 31,
        offPosition: true,
        virtualAid: true,
      }),
    );
    expect(m).toMatchObject({
      type: 21,
      aidType: 20,
      name: 'MAASMOND N',
      toBowM: 2,
      epfd: 7,
      second: 31,
      offPosition: true,
      virtualAid: true,
      bitLength: 272,
    });
  });

  it('appends the name extension when the 20-character name is full', () => {
    const m = decode(aidToNavigation({ name: 'NIEUWE WATERWEG LICH', extension: 'TBOEI 3' }));
    expect(m).toMatchObject({ name: 'NIEUWE WATERWEG LICHTBOEI 3' });
    const short = decode(aidToNavigation({ name: 'SHORT', extension: 'IGNORED' }));
    expect(short).toMatchObject({ name: 'SHORT' });
  });

  it('has no off-position flag when the second is not 0-59', () => {
    expect(decode(aidToNavigation({ second: 61, offPosition: true }))).not.toHaveProperty(
      'offPosition',
    );
  });
});

describe('payload checks', () => {
  it('counts an unknown type as unsupported, not as an error', () => {
    const w = new BitWriter().uint(8, 6).uint(0, 2).uint(244000111, 30).uint(0, 56);
    expect(outcomeOf(w)).toEqual({ kind: 'unsupported', type: 8, mmsi: '244000111' });
  });

  it('refuses a payload too short or too long for its type', () => {
    expect(outcomeOf(truncate(classA(), 120))).toMatchObject({ problem: 'bad-length' });
    expect(outcomeOf(classA().uint(0, 60))).toMatchObject({ problem: 'bad-length' });
    expect(outcomeOf(new BitWriter().uint(1, 6).uint(0, 20))).toMatchObject({
      problem: 'bad-length',
    });
  });

  it('accepts a class A report cut to 163 bits (the radio field then missing)', () => {
    const m = decode(truncate(classA({ mmsi: 5, sog: 10 }), 163));
    expect(m).toMatchObject({ sogKnots: 1, bitLength: 163 });
    expect(m).not.toHaveProperty('radio');
  });
});
