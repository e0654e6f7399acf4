// The liner services that call at the port: each a weekly berth window on a weekday and
// hour, run by one carrier with a rotation of ships of one class. Calls follow the
// windows with a spread (and now and then a ship a day late), which is what makes ships
// queue at the anchorage when several arrive for the same berths.
import { CARRIERS } from '../identity/carriers.ts';
import type { IdentityFactory, VesselIdentity } from '../identity/identity-factory.ts';
import type { Rng } from '../rng.ts';
import type { SimulationConfig, VesselClass } from '../simulation-config.ts';
import type { BerthSite } from '../world/port-layout.ts';

export interface LinerService {
  code: string;
  vesselClass: VesselClass;
  /** Offset of the berth window from the start of the (UTC, Monday) week. */
  windowOffsetMs: number;
  preferredBerth: string;
  ships: VesselIdentity[];
}

export interface ScheduledCall {
  service: LinerService;
  vessel: VesselIdentity;
  /** The berth window: when the terminal planned the ship alongside. */
  windowMs: number;
  /** When the ship actually reaches the pilot boarding place. */
  arrivalMs: number;
  dischargeMoves: number;
  loadMoves: number;
}

const HOUR = 3_600_000;
const WEEK = 7 * 24 * HOUR;
/** 1970-01-05 was a Monday. */
const FIRST_MONDAY_MS = 4 * 24 * HOUR;
/** From the pilot boarding place to all fast, roughly. */
export const PILOTAGE_MS = 2 * HOUR;

const CLASS_ORDER: VesselClass[] = ['large', 'mainline', 'regional', 'feeder'];

export function planServices(
  config: SimulationConfig,
  berths: BerthSite[],
  ids: IdentityFactory,
  rng: Rng,
): LinerService[] {
  const services: LinerService[] = [];
  const berthHours = new Map(berths.map((b) => [b.id, 0]));
  let n = 0;
  for (const vesselClass of CLASS_ORDER) {
    const spec = config.vessels[vesselClass];
    const fitting = berths.filter(
      (b) => b.lengthM >= spec.lengthM + 10 && b.depthM >= spec.draughtM + 1 && b.cranes.length > 0,
    );
    if (fitting.length === 0) continue;
    const hoursAlongside =
      (spec.moves[0] + spec.moves[1]) / 2 / (Math.min(spec.cranes, 4) * 28) + 2;
    for (let i = 0; i < spec.callsPerWeek; i += 1) {
      n += 1;
      // The berth that has the fewest hours booked so far: services spread over the quay.
      const berth = fitting.reduce((a, b) =>
        berthHours.get(b.id)! < berthHours.get(a.id)! ? b : a,
      );
      berthHours.set(berth.id, berthHours.get(berth.id)! + hoursAlongside);
      const carrier = rng.pick(CARRIERS);
      const rotation = rng.integer(4, 8);
      services.push({
        code: `${carrier.shipPrefix.replaceAll(' ', '').slice(0, 3)}${n}`,
        vesselClass,
        windowOffsetMs:
          ((i * 7) / spec.callsPerWeek + rng.between(0, 7 / spec.callsPerWeek)) * 24 * HOUR,
        preferredBerth: berth.id,
        ships: Array.from({ length: rotation }, () => ids.vessel(carrier)),
      });
    }
  }
  return services;
}

/** The calls whose ships reach the pilot boarding place within [fromMs, toMs). */
export function callsBetween(
  services: LinerService[],
  config: SimulationConfig,
  fromMs: number,
  toMs: number,
  /** A random stream of its own for each call, so a call is the same whatever window asks. */
  rngFor: (label: string) => Rng,
): ScheduledCall[] {
  const calls: ScheduledCall[] = [];
  const firstWeek = Math.floor((fromMs - FIRST_MONDAY_MS) / WEEK) - 1;
  const lastWeek = Math.floor((toMs - FIRST_MONDAY_MS) / WEEK) + 1;
  for (let week = firstWeek; week <= lastWeek; week += 1)
    for (const service of services) {
      const rng = rngFor(`call:${service.code}:${week}`);
      const windowMs = FIRST_MONDAY_MS + week * WEEK + service.windowOffsetMs;
      const late = rng.chance(config.lateArrivalShare) ? rng.between(6, 20) * HOUR : 0;
      const arrivalMs =
        windowMs - PILOTAGE_MS + rng.normal(0, config.arrivalSpreadHours * HOUR) + late;
      const spec = config.vessels[service.vesselClass];
      const moves = rng.integer(spec.moves[0], spec.moves[1]);
      const dischargeMoves = Math.round(
        moves * config.cargo.dischargeShare * rng.between(0.85, 1.15),
      );
      if (arrivalMs < fromMs || arrivalMs >= toMs) continue;
      calls.push({
        service,
        vessel:
          service.ships[
            ((week % service.ships.length) + service.ships.length) % service.ships.length
          ]!,
        windowMs,
        arrivalMs,
        dischargeMoves,
        loadMoves: moves - dischargeMoves,
      });
    }
  return calls.sort((a, b) => a.arrivalMs - b.arrivalMs);
}
