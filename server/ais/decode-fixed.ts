// Fixed stations: type 4 (base station report; type 11, the UTC/date response, has the
// same layout) and type 21 (aid-to-navigation report).
import type { Envelope } from './decode-position.ts';
import { definedOnly, dimensions, epfd, fixSecond, position } from './fields.ts';
import type { PayloadBits } from './payload-bits.ts';
import { sixbitChar } from './payload-bits.ts';
import type { AidToNavigationReport, BaseStationReport } from './types.ts';

/**
 * Types 4 and 11 (168 bits): year 38-51 (1-9999; 0 = n/a), month 52-55 (0), day 56-60 (0), hour
 * 61-65 (24), minute 66-71 (60), second 72-77 (60), accuracy 78, lon 79-106, lat 107-133,
 * EPFD 134-137, RAIM 148, radio 149-167.
 */
export function decodeBaseStation(
  bits: PayloadBits,
  envelope: Envelope,
  type: 4 | 11,
): BaseStationReport {
  const year = bits.uint(38, 14);
  const month = bits.uint(52, 4);
  const day = bits.uint(56, 5);
  const hour = bits.uint(61, 5);
  const minute = bits.uint(66, 6);
  const second = bits.uint(72, 6);
  const utc = definedOnly({
    year: year >= 1 && year <= 9999 ? year : undefined,
    month: month >= 1 && month <= 12 ? month : undefined,
    day: day === 0 ? undefined : day,
    hour: hour <= 23 ? hour : undefined,
    minute: minute <= 59 ? minute : undefined,
    second: second <= 59 ? second : undefined,
  });
  return definedOnly({
    ...envelope,
    type,
    utc,
    utcMs: utcMs(utc),
    positionAccuracy: bits.bool(78),
    ...position(bits, 79, 28, 107, 27),
    epfd: epfd(bits.uint(134, 4)),
    raim: bits.bool(148),
    radio: bits.has(149, 19) ? bits.uint(149, 19) : undefined,
  });
}

/** Epoch milliseconds for a complete UTC date and time that exists, else undefined. */
export function utcMs(utc: BaseStationReport['utc']): number | undefined {
  const { year, month, day, hour, minute, second } = utc;
  if (
    year === undefined ||
    month === undefined ||
    day === undefined ||
    hour === undefined ||
    minute === undefined ||
    second === undefined
  ) {
    return undefined;
  }
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  const back = new Date(ms);
  // Date.UTC maps years 0-99 to 1900-1999 and rolls 31 February over: refuse both.
  return back.getUTCFullYear() === year && back.getUTCDate() === day ? ms : undefined;
}

/**
 * Type 21 (272-360 bits): aid type 38-42, name 43-162, accuracy 163, lon 164-191, lat
 * 192-218, dimensions 219-248, EPFD 249-252, second 253-258, off-position 259, regional
 * 260-267, RAIM 268, virtual aid 269, assigned 270, then an optional name extension from
 * 272 (up to 14 characters) that continues a name filling all 20 characters.
 */
export function decodeAidToNavigation(
  bits: PayloadBits,
  envelope: Envelope,
): AidToNavigationReport {
  const aidType = bits.uint(38, 5);
  const second = fixSecond(bits.uint(253, 6));
  return definedOnly({
    ...envelope,
    type: 21 as const,
    aidType: aidType === 0 ? undefined : aidType,
    name: aidName(bits),
    positionAccuracy: bits.bool(163),
    ...position(bits, 164, 28, 192, 27),
    ...dimensions(bits, 219),
    epfd: epfd(bits.uint(249, 4)),
    ...second,
    offPosition: second.second === undefined ? undefined : bits.bool(259),
    raim: bits.bool(268),
    virtualAid: bits.bool(269),
    assignedMode: bits.bool(270),
  });
}

/** The 20-character name, and when it has no '@' the extension characters after bit 272. */
function aidName(bits: PayloadBits): string | undefined {
  let name = '';
  let full = true;
  for (let i = 0; i < 20; i++) {
    const value = bits.uint(43 + i * 6, 6);
    if (value === 0) {
      full = false;
      break;
    }
    name += sixbitChar(value);
  }
  if (full) name += bits.text(272, bits.charsToEnd(272)) ?? '';
  const trimmed = name.replace(/ +$/, '');
  return trimmed.length > 0 ? trimmed : undefined;
}
