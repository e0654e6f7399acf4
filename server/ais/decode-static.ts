// Static data: type 5 (class A static and voyage data) and type 24 (class B static data
// report, parts A and B).
import type { Envelope } from './decode-position.ts';
import { definedOnly, dimensions, epfd, mmsiString, shipType } from './fields.ts';
import type { PayloadBits } from './payload-bits.ts';
import type { AisEta, StaticDataReportA, StaticDataReportB, StaticVoyageData } from './types.ts';

/** ETA month (4 bits), day (5), hour (5), minute (6) from bit `at`; undefined when all n/a. */
export function etaFields(bits: PayloadBits, at: number): AisEta | undefined {
  const month = bits.uint(at, 4);
  const day = bits.uint(at + 4, 5);
  const hour = bits.uint(at + 9, 5);
  const minute = bits.uint(at + 14, 6);
  const eta = definedOnly({
    month: month >= 1 && month <= 12 ? month : undefined,
    day: day === 0 ? undefined : day,
    hour: hour <= 23 ? hour : undefined,
    minute: minute <= 59 ? minute : undefined,
  });
  return Object.keys(eta).length > 0 ? eta : undefined;
}

/**
 * Type 5 (424 bits; 420 and 422 are common in the wild and accepted): AIS version 38-39,
 * IMO 40-69, call sign 70-111 (7 chars), name 112-231 (20), ship type 232-239, dimensions
 * 240-269, EPFD 270-273, ETA 274-293, draught 294-301 (0.1 m), destination 302-421 (20),
 * DTE 422.
 */
export function decodeStaticVoyage(bits: PayloadBits, envelope: Envelope): StaticVoyageData {
  const imo = bits.uint(40, 30);
  const draught = bits.uint(294, 8);
  return definedOnly({
    ...envelope,
    type: 5 as const,
    aisVersion: bits.uint(38, 2),
    imo: imo === 0 ? undefined : imo,
    callSign: bits.text(70, 7),
    name: bits.text(112, 20),
    shipType: shipType(bits.uint(232, 8)),
    ...dimensions(bits, 240),
    epfd: epfd(bits.uint(270, 4)),
    eta: etaFields(bits, 274),
    draughtM: draught === 0 ? undefined : draught / 10,
    destination: bits.text(302, 20),
    dteReady: bits.has(422, 1) ? !bits.bool(422) : undefined,
  });
}

/** An auxiliary craft (98XXXYYYY) sends its mother ship's MMSI instead of dimensions. */
export function isAuxiliaryCraft(mmsi: string): boolean {
  return mmsi.length === 9 && mmsi.startsWith('98');
}

/**
 * Type 24, part number at 38-39. Part A (0): name 40-159. Part B (1): ship type 40-47,
 * vendor id 48-65 (3 chars), unit model 66-69, serial 70-89, call sign 90-131, then
 * dimensions 132-161, or for an auxiliary craft the mothership MMSI 132-161.
 * Returns 'bad-part' for part numbers 2 and 3, which are not defined.
 */
export function decodeStaticDataReport(
  bits: PayloadBits,
  envelope: Envelope,
): StaticDataReportA | StaticDataReportB | 'bad-part' {
  const part = bits.uint(38, 2);
  if (part === 0) {
    return definedOnly({
      ...envelope,
      type: 24 as const,
      part: 'A' as const,
      name: bits.text(40, 20),
    });
  }
  if (part !== 1) return 'bad-part';
  const mothership = isAuxiliaryCraft(envelope.mmsi) ? bits.uint(132, 30) : undefined;
  return definedOnly({
    ...envelope,
    type: 24 as const,
    part: 'B' as const,
    shipType: shipType(bits.uint(40, 8)),
    vendorId: bits.text(48, 3),
    unitModel: bits.uint(66, 4),
    serialNumber: bits.uint(70, 20),
    callSign: bits.text(90, 7),
    ...(mothership === undefined ? dimensions(bits, 132) : {}),
    mothershipMmsi: mothership ? mmsiString(mothership) : undefined,
  });
}
