// Position reports: types 1-3 (class A), 18 (class B), 19 (extended class B) and 27
// (long range). Bit offsets are 0-origin, as in the AIVDM description's tables.
import {
  cogDeg,
  definedOnly,
  dimensions,
  epfd,
  fixSecond,
  headingDeg,
  position,
  rateOfTurn,
  shipType,
  sogKnots,
} from './fields.ts';
import type { PayloadBits } from './payload-bits.ts';
import type {
  AisMessageBase,
  ExtendedPositionReportClassB,
  LongRangePositionReport,
  PositionReportClassA,
  PositionReportClassB,
} from './types.ts';

/** What every decoder receives besides the bits: the envelope without the type. */
export type Envelope = Omit<AisMessageBase, 'type'>;

/**
 * Types 1, 2, 3 (the Common Navigation Block, 168 bits): status 38-41, ROT 42-49, SOG 50-59,
 * accuracy 60, lon 61-88, lat 89-115, COG 116-127, heading 128-136, second 137-142,
 * maneuver 143-144, RAIM 148, radio 149-167.
 */
export function decodeClassA(
  bits: PayloadBits,
  envelope: Envelope,
  type: 1 | 2 | 3,
): PositionReportClassA {
  const maneuver = bits.uint(143, 2);
  return definedOnly({
    ...envelope,
    type,
    navStatus: bits.uint(38, 4),
    ...rateOfTurn(bits.int(42, 8)),
    sogKnots: sogKnots(bits.uint(50, 10)),
    positionAccuracy: bits.bool(60),
    ...position(bits, 61, 28, 89, 27),
    cogDeg: cogDeg(bits.uint(116, 12)),
    headingDeg: headingDeg(bits.uint(128, 9)),
    ...fixSecond(bits.uint(137, 6)),
    maneuver: maneuver === 0 ? undefined : maneuver,
    raim: bits.bool(148),
    radio: bits.has(149, 19) ? bits.uint(149, 19) : undefined,
  });
}

/**
 * Type 18 (168 bits): reserved 38-45, SOG 46-55, accuracy 56, lon 57-84, lat 85-111,
 * COG 112-123, heading 124-132, second 133-138, regional 139-140, CS 141, display 142,
 * DSC 143, band 144, msg22 145, assigned 146, RAIM 147, radio 148-167.
 */
export function decodeClassB(bits: PayloadBits, envelope: Envelope): PositionReportClassB {
  return definedOnly({
    ...envelope,
    type: 18 as const,
    sogKnots: sogKnots(bits.uint(46, 10)),
    positionAccuracy: bits.bool(56),
    ...position(bits, 57, 28, 85, 27),
    cogDeg: cogDeg(bits.uint(112, 12)),
    headingDeg: headingDeg(bits.uint(124, 9)),
    ...fixSecond(bits.uint(133, 6)),
    csUnit: bits.bool(141),
    hasDisplay: bits.bool(142),
    hasDsc: bits.bool(143),
    wholeBand: bits.bool(144),
    acceptsMessage22: bits.bool(145),
    assignedMode: bits.bool(146),
    raim: bits.bool(147),
    radio: bits.has(148, 20) ? bits.uint(148, 20) : undefined,
  });
}

/**
 * Type 19 (312 bits): as type 18 up to the second (133-138), regional 139-142, name
 * 143-262, ship type 263-270, dimensions 271-300, EPFD 301-304, RAIM 305, DTE 306,
 * assigned 307.
 */
export function decodeExtendedClassB(
  bits: PayloadBits,
  envelope: Envelope,
): ExtendedPositionReportClassB {
  return definedOnly({
    ...envelope,
    type: 19 as const,
    sogKnots: sogKnots(bits.uint(46, 10)),
    positionAccuracy: bits.bool(56),
    ...position(bits, 57, 28, 85, 27),
    cogDeg: cogDeg(bits.uint(112, 12)),
    headingDeg: headingDeg(bits.uint(124, 9)),
    ...fixSecond(bits.uint(133, 6)),
    name: bits.text(143, 20),
    shipType: shipType(bits.uint(263, 8)),
    ...dimensions(bits, 271),
    epfd: epfd(bits.uint(301, 4)),
    raim: bits.bool(305),
    dteReady: !bits.bool(306),
    assignedMode: bits.bool(307),
  });
}

/**
 * Type 27 (96 bits): accuracy 38, RAIM 39, status 40-43, lon 44-61 and lat 62-78 in
 * 1/10 minute (181° / 91° = n/a, i.e. 108600 / 54600; the "181000 / 91000" of the AIVDM
 * table cannot fit 18 / 17 bits), SOG 79-84 whole knots (63 = n/a), COG 85-93 whole degrees
 * (511 = n/a), GNSS 94 (0 = current GNSS position).
 */
export function decodeLongRange(bits: PayloadBits, envelope: Envelope): LongRangePositionReport {
  const sog = bits.uint(79, 6);
  const cog = bits.uint(85, 9);
  return definedOnly({
    ...envelope,
    type: 27 as const,
    positionAccuracy: bits.bool(38),
    raim: bits.bool(39),
    navStatus: bits.uint(40, 4),
    ...position(bits, 44, 18, 62, 17, 600),
    sogKnots: sog === 63 ? undefined : sog,
    cogDeg: cog >= 360 ? undefined : cog,
    gnssPosition: !bits.bool(94),
  });
}
