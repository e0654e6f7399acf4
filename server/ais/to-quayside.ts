// From decoded AIS messages to the shapes Quayside stores: vessel positions (types 1-3,
// 18, 19, 27) and vessel static data for the registry (type 5, type 19, and type 24 parts
// merged per MMSI). Fields the message does not have are left out, never invented.
import { imoNumberProblem } from '../../protocol/identifiers.ts';
import type { VesselPosition, VesselStatic } from '../../protocol/vessel.ts';
import { etaToEpochMs } from './eta.ts';
import { definedOnly } from './fields.ts';
import type { AisMessage, ClassBStatic, Dimensions } from './types.ts';

/** A vessel position, or undefined for messages that are not one or have no position. */
export function toVesselPosition(message: AisMessage): VesselPosition | undefined {
  switch (message.type) {
    case 1:
    case 2:
    case 3:
    case 18:
    case 19:
    case 27:
      break;
    default:
      return undefined;
  }
  if (message.lon === undefined || message.lat === undefined) return undefined;
  return definedOnly({
    mmsi: message.mmsi,
    timeMs: message.receivedAtMs,
    lon: message.lon,
    lat: message.lat,
    sogKnots: message.sogKnots,
    cogDeg: message.cogDeg,
    headingDeg: 'headingDeg' in message ? message.headingDeg : undefined,
    navStatus: 'navStatus' in message ? message.navStatus : undefined,
  });
}

/**
 * Registry data from a type 5 or type 19 message, or from merged type 24 parts (pass the
 * decoder's classBStatic(mmsi) and the time of the part just received). An IMO number that
 * fails its check digit is left out (transmitters send junk there); the ETA is placed in
 * the year closest to `timeMs`.
 */
export function toVesselStatic(
  data: AisMessage | ClassBStatic,
  timeMs: number = 'receivedAtMs' in data ? data.receivedAtMs : Date.now(),
): VesselStatic | undefined {
  if (!('type' in data)) {
    return definedOnly({
      mmsi: data.mmsi,
      timeMs,
      name: data.name,
      callSign: data.callSign,
      shipType: data.shipType,
      ...dims(data),
    });
  }
  if (data.type === 5) {
    const imo = data.imo === undefined ? undefined : String(data.imo).padStart(7, '0');
    return definedOnly({
      mmsi: data.mmsi,
      timeMs,
      imo: imo !== undefined && imoNumberProblem(imo) === undefined ? imo : undefined,
      name: data.name,
      callSign: data.callSign,
      shipType: data.shipType,
      ...dims(data),
      draughtM: data.draughtM,
      destination: data.destination,
      etaMs: etaToEpochMs(data.eta, timeMs),
    });
  }
  if (data.type === 19) {
    return definedOnly({
      mmsi: data.mmsi,
      timeMs,
      name: data.name,
      shipType: data.shipType,
      ...dims(data),
    });
  }
  return undefined;
}

function dims(d: Dimensions): Dimensions {
  return {
    toBowM: d.toBowM,
    toSternM: d.toSternM,
    toPortM: d.toPortM,
    toStarboardM: d.toStarboardM,
  };
}
