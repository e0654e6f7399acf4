import { Compile } from 'typebox/compile';
import { describe, expect, it } from 'vitest';
import {
  containerNumberProblem,
  imoNumberProblem,
  mmsiProblem,
} from '../../protocol/identifiers.ts';
import { EntityId } from '../../protocol/telemetry.ts';
import { createRng } from '../rng.ts';
import { CARRIERS } from './carriers.ts';
import { IdentityFactory, imoCheckDigit } from './identity-factory.ts';

describe('IdentityFactory', () => {
  const factory = new IdentityFactory(createRng(4));

  it('makes unique container numbers with valid ISO 6346 check digits', () => {
    const numbers = Array.from({ length: 5_000 }, (_, i) =>
      factory.containerNumber(CARRIERS[i % CARRIERS.length]!),
    );
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(numbers.map(containerNumberProblem).filter(Boolean)).toEqual([]);
  });

  it('makes unique vessels with valid IMO numbers and MMSIs on the carrier’s flags', () => {
    const vessels = Array.from({ length: 300 }, (_, i) =>
      factory.vessel(CARRIERS[i % CARRIERS.length]!),
    );
    expect(new Set(vessels.map((v) => v.imo)).size).toBe(300);
    expect(new Set(vessels.map((v) => v.mmsi)).size).toBe(300);
    expect(new Set(vessels.map((v) => v.name)).size).toBe(300);
    for (const vessel of vessels) {
      expect(imoNumberProblem(vessel.imo)).toBeUndefined();
      expect(mmsiProblem(vessel.mmsi)).toBeUndefined();
      expect(vessel.carrier.mids).toContain(vessel.mmsi.slice(0, 3));
      expect(vessel.name.startsWith(vessel.carrier.shipPrefix)).toBe(true);
    }
  });

  it('computes the IMO check digit of the worked example (9074729)', () => {
    expect(imoCheckDigit('907472')).toBe(9);
  });

  it('makes truck plates that are valid entity ids', () => {
    const plate = factory.truckPlate();
    expect(Compile(EntityId).Check(plate)).toBe(true);
  });

  it('gives the same identities for the same seed', () => {
    const a = new IdentityFactory(createRng(9));
    const b = new IdentityFactory(createRng(9));
    expect(a.containerNumber(CARRIERS[0]!)).toBe(b.containerNumber(CARRIERS[0]!));
    expect(a.vessel(CARRIERS[1]!)).toEqual(b.vessel(CARRIERS[1]!));
  });
});
