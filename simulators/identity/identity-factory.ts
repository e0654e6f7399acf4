// Makes the identifiers the simulation hands out: container numbers with a valid
// ISO 6346 check digit, IMO numbers with a valid check digit, MMSIs on a real flag's
// country code, ship names and truck plates. Each is unique within a run.
import { iso6346CheckDigit } from '../../protocol/identifiers.ts';
import type { Rng } from '../rng.ts';
import { LESSOR_OWNER_CODES, SHIP_NAME_WORDS, type Carrier } from './carriers.ts';

export interface VesselIdentity {
  name: string;
  imo: string;
  mmsi: string;
  carrier: Carrier;
}

/** The IMO check digit: the first six digits weighted 7..2, last digit of the sum. */
export function imoCheckDigit(firstSix: string): number {
  let sum = 0;
  for (let i = 0; i < 6; i += 1) sum += Number(firstSix[i]) * (7 - i);
  return sum % 10;
}

export class IdentityFactory {
  private readonly issued = new Set<string>();
  private readonly serialByOwner = new Map<string, number>();
  private readonly wordsByCarrier = new Map<Carrier, string[]>();

  constructor(private readonly rng: Rng) {}

  private unique(make: () => string): string {
    for (;;) {
      const value = make();
      if (!this.issued.has(value)) {
        this.issued.add(value);
        return value;
      }
    }
  }

  /** A box of the carrier's, or (a third of the time) one leased from a lessor. */
  containerNumber(carrier: Carrier): string {
    const owner = this.rng.chance(0.33)
      ? this.rng.pick(LESSOR_OWNER_CODES)
      : this.rng.pick(carrier.ownerCodes);
    return this.unique(() => {
      // Serials run on from a random start per owner, in small random steps, as a fleet's do.
      const serial =
        ((this.serialByOwner.get(owner) ?? this.rng.integer(100_000, 899_999)) +
          this.rng.integer(1, 97)) %
        1_000_000;
      this.serialByOwner.set(owner, serial);
      const firstTen = `${owner}${String(serial).padStart(6, '0')}`;
      return `${firstTen}${iso6346CheckDigit(firstTen)}`;
    });
  }

  vessel(carrier: Carrier): VesselIdentity {
    const imo = this.unique(() => {
      const firstSix = `9${String(this.rng.integer(0, 99_999)).padStart(5, '0')}`;
      return `${firstSix}${imoCheckDigit(firstSix)}`;
    });
    const mmsi = this.unique(
      () =>
        `${this.rng.pick(carrier.mids)}${String(this.rng.integer(0, 999_999)).padStart(6, '0')}`,
    );
    return { name: this.shipName(carrier), imo, mmsi, carrier };
  }

  private shipName(carrier: Carrier): string {
    let words = this.wordsByCarrier.get(carrier);
    if (!words || words.length === 0) {
      words = [...SHIP_NAME_WORDS];
      this.wordsByCarrier.set(carrier, words);
    }
    const [word] = words.splice(this.rng.integer(0, words.length - 1), 1);
    return this.unique(() => `${carrier.shipPrefix} ${word}`);
  }

  /** A haulier's tractor: a provincial letter and five digits. */
  truckPlate(): string {
    return this.unique(
      () => `XT-${this.rng.pick([...'ABCDEFGHJKLMN'])}${String(this.rng.integer(10_000, 99_999))}`,
    );
  }
}
