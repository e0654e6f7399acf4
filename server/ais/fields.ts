// Interpretation shared by several message types: positions, speed, course, heading, the
// time-stamp second, rate of turn, dimensions. Each turns a "not available" code (or a
// value outside the field's defined range) into undefined.
import type { PayloadBits } from './payload-bits.ts';
import type { Dimensions, PositionReportClassA } from './types.ts';

/** An MMSI as the 9 digits it is written with, leading zeros kept. */
export function mmsiString(value: number): string {
  return String(value).padStart(9, '0');
}

/**
 * Longitude and latitude from two signed fields in units of 1/`perDegree` degree
 * (600000 for the 1/10000-minute fields of most messages, 600 for type 27's 1/10 minute).
 * 181 / 91 (not available) and anything beyond ±180 / ±90 give undefined.
 */
export function position(
  bits: PayloadBits,
  lonAt: number,
  lonWidth: number,
  latAt: number,
  latWidth: number,
  perDegree = 600_000,
): { lon?: number; lat?: number } {
  const lon = bits.int(lonAt, lonWidth) / perDegree;
  const lat = bits.int(latAt, latWidth) / perDegree;
  return {
    ...(Math.abs(lon) <= 180 ? { lon } : {}),
    ...(Math.abs(lat) <= 90 ? { lat } : {}),
  };
}

/** Speed over ground in 0.1 kn: 1023 = not available, 1022 = 102.2 kn or more. */
export function sogKnots(raw: number): number | undefined {
  return raw === 1023 ? undefined : raw / 10;
}

/** Course over ground in 0.1°: 3600 = not available (3601-4095 are not used either). */
export function cogDeg(raw: number): number | undefined {
  return raw >= 3600 ? undefined : raw / 10;
}

/** True heading in whole degrees: 511 = not available (360-510 are not used either). */
export function headingDeg(raw: number): number | undefined {
  return raw >= 360 ? undefined : raw;
}

const SECOND_STATUS = {
  60: 'not-available',
  61: 'manual',
  62: 'estimated',
  63: 'inoperative',
} as const;

/** The UTC second of a position fix: 0-59, or why there is none (60-63). */
export function fixSecond(raw: number): Pick<PositionReportClassA, 'second' | 'secondStatus'> {
  if (raw < 60) return { second: raw };
  return { secondStatus: SECOND_STATUS[raw as keyof typeof SECOND_STATUS] };
}

/**
 * Rate of turn from the signed 8-bit ROT field: 0 not turning; ±1..±126 encode
 * 4.733 * sqrt(|deg/min|) with the sign of the turn (positive = right), so the rate is
 * (v / 4.733)^2 with the sign kept; ±127 = turning faster than 5°/30 s, no value; -128 = n/a.
 */
export function rateOfTurn(
  raw: number,
): Pick<PositionReportClassA, 'rotDegPerMin' | 'turningFast' | 'rotRaw'> {
  if (raw === -128) return { rotRaw: raw };
  if (raw === 127) return { rotRaw: raw, turningFast: 'right' };
  if (raw === -127) return { rotRaw: raw, turningFast: 'left' };
  const rate = (raw / 4.733) ** 2;
  return { rotRaw: raw, rotDegPerMin: raw < 0 ? -rate : rate };
}

/**
 * Dimensions to bow (9 bits), stern (9), port (6) and starboard (6) from bit `at`, metres.
 * All four 0 is the "not available" default, so then there are none; otherwise each is
 * kept as sent, 0 included (the standard sends A=C=0 when only the size is known, and
 * 511 / 63 mean "that much or more").
 */
export function dimensions(bits: PayloadBits, at: number): Dimensions {
  const toBowM = bits.uint(at, 9);
  const toSternM = bits.uint(at + 9, 9);
  const toPortM = bits.uint(at + 18, 6);
  const toStarboardM = bits.uint(at + 24, 6);
  if (toBowM + toSternM + toPortM + toStarboardM === 0) return {};
  return { toBowM, toSternM, toPortM, toStarboardM };
}

/** Type of position fixing device: 0 (undefined) and 15 (used in the wild as undefined) -> none. */
export function epfd(raw: number): number | undefined {
  return raw === 0 || raw === 15 ? undefined : raw;
}

/** Ship and cargo type: 0 is not available; values above 99 are unused and treated alike. */
export function shipType(raw: number): number | undefined {
  return raw === 0 || raw > 99 ? undefined : raw;
}

/** Leaves out the keys whose value is undefined (so results compare and print cleanly). */
export function definedOnly<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) {
    if (value[key] === undefined) delete value[key];
  }
  return value;
}
