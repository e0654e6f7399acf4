// From a complete armoured payload to a typed message: de-armour, check the bit length
// against the type (wrong lengths with good checksums occur in the wild and decode to
// garbage), then decode. Lengths are accepted leniently where the field practice is known
// to be loose: type 5 at 420-422 bits, type 24 part A at 160, type 21 with any extension.
import { decodeAidToNavigation, decodeBaseStation } from './decode-fixed.ts';
import {
  decodeClassA,
  decodeClassB,
  decodeExtendedClassB,
  decodeLongRange,
  type Envelope,
} from './decode-position.ts';
import { decodeStaticDataReport, decodeStaticVoyage } from './decode-static.ts';
import { mmsiString } from './fields.ts';
import { PayloadBits, type ArmourError } from './payload-bits.ts';
import type { AisMessage, AisMessageBase } from './types.ts';

/** Accepted bit lengths per supported type: [least, most]. */
export const LENGTH_BOUNDS: Readonly<Record<number, readonly [number, number]>> = {
  1: [149, 204], // 168 nominal; 163 and 204 seen in the wild; fields end at bit 149
  2: [149, 204],
  3: [149, 204],
  4: [149, 204], // 168 nominal
  5: [420, 432], // 424 nominal; 420/422 common; a fill count 2 too small gives 426
  11: [149, 204],
  18: [148, 204], // 168 nominal
  19: [308, 318], // 312 nominal
  21: [272, 368], // 272 plus a name extension of up to 14 characters and padding
  24: [160, 204], // part A 160 or 168, part B 168 (162 and 174 seen)
  27: [95, 168], // 96 nominal; some transmitters send a full 168-bit slot
};

export type PayloadOutcome =
  | { kind: 'message'; message: AisMessage }
  | { kind: 'unsupported'; type: number; mmsi: string }
  | { kind: 'error'; problem: ArmourError | 'bad-length' | 'bad-part-number'; detail: string };

/** Everything about a message except what its payload says. */
export type MessageContext = Omit<AisMessageBase, 'type' | 'repeat' | 'mmsi' | 'bitLength'>;

/** Decode one complete payload (all fragments' payloads joined, the last one's fill bits). */
export function decodePayload(
  payload: string,
  fillBits: number,
  context: MessageContext,
): PayloadOutcome {
  const bits = PayloadBits.fromArmoured(payload, fillBits);
  if (typeof bits === 'string') return { kind: 'error', problem: bits, detail: bits };
  if (bits.length < 38) {
    return {
      kind: 'error',
      problem: 'bad-length',
      detail: `${bits.length} bits: no room for an MMSI`,
    };
  }
  const type = bits.uint(0, 6);
  const mmsi = mmsiString(bits.uint(8, 30));
  const bounds = LENGTH_BOUNDS[type];
  if (!bounds) return { kind: 'unsupported', type, mmsi };
  if (bits.length < bounds[0] || bits.length > bounds[1]) {
    return {
      kind: 'error',
      problem: 'bad-length',
      detail: `type ${type} with ${bits.length} bits (accepted ${bounds[0]}-${bounds[1]})`,
    };
  }
  if (type === 24 && bits.uint(38, 2) === 1 && bits.length < 162) {
    return {
      kind: 'error',
      problem: 'bad-length',
      detail: `type 24 part B with ${bits.length} bits`,
    };
  }
  const envelope: Envelope = { ...context, repeat: bits.uint(6, 2), mmsi, bitLength: bits.length };
  const message = decodeKnown(type, bits, envelope);
  if (message === 'bad-part') {
    return { kind: 'error', problem: 'bad-part-number', detail: 'type 24 with part number 2 or 3' };
  }
  return { kind: 'message', message };
}

function decodeKnown(type: number, bits: PayloadBits, envelope: Envelope): AisMessage | 'bad-part' {
  switch (type) {
    case 1:
    case 2:
    case 3:
      return decodeClassA(bits, envelope, type);
    case 4:
    case 11:
      return decodeBaseStation(bits, envelope, type);
    case 5:
      return decodeStaticVoyage(bits, envelope);
    case 18:
      return decodeClassB(bits, envelope);
    case 19:
      return decodeExtendedClassB(bits, envelope);
    case 21:
      return decodeAidToNavigation(bits, envelope);
    case 24:
      return decodeStaticDataReport(bits, envelope);
    default:
      return decodeLongRange(bits, envelope);
  }
}
