// Terminal trucks driving the road grid: each follows the roads node to node, picking
// the next road at random (never straight back unless it is a dead end), speeds up and
// slows down within what a laden terminal tractor can do, and now and then stops at a
// block to be served. Deterministic for a seed; positions come from time, never jumps.
import type { EquipmentState } from '../protocol/equipment.ts';
import type { TelemetryItem } from '../protocol/telemetry.ts';
import { bearingDeg, distanceM, interpolate } from './geo.ts';
import type { RoadGraph } from './road-graph.ts';
import type { Rng } from './rng.ts';

export const TRUCK_MAX_SPEED_MPS = 7; // 25 km/h, a common terminal speed limit
const ACCELERATION_MPS2 = 0.8;
const STOP_CHANCE_AT_NODE = 0.15;
const STOP_DURATION_S: [number, number] = [20, 90];

interface Truck {
  id: string;
  from: number;
  to: number;
  alongM: number;
  speedMps: number;
  cruiseMps: number;
  stoppedForS: number;
  loaded: boolean;
}

export class TruckFleet {
  private readonly trucks: Truck[];

  constructor(
    private readonly graph: RoadGraph,
    private readonly rng: Rng,
    count: number,
  ) {
    this.trucks = Array.from({ length: count }, (_, i) => {
      const from = Math.floor(rng.next() * graph.nodes.length);
      return {
        id: `TT${String(i + 1).padStart(3, '0')}`,
        from,
        to: rng.pick(graph.neighbours[from]!),
        alongM: 0,
        speedMps: 0,
        cruiseMps: rng.between(4.5, TRUCK_MAX_SPEED_MPS),
        stoppedForS: 0,
        loaded: rng.next() < 0.5,
      };
    });
  }

  /** Advances every truck by dtS seconds of simulated time. */
  step(dtS: number): void {
    for (const truck of this.trucks) this.stepTruck(truck, dtS);
  }

  private stepTruck(truck: Truck, dtS: number): void {
    if (truck.stoppedForS > 0) {
      truck.stoppedForS = Math.max(0, truck.stoppedForS - dtS);
      if (truck.stoppedForS === 0) truck.loaded = !truck.loaded;
      return;
    }
    const dv = truck.cruiseMps - truck.speedMps;
    truck.speedMps += Math.sign(dv) * Math.min(Math.abs(dv), ACCELERATION_MPS2 * dtS);
    let remaining = truck.speedMps * dtS;
    while (remaining > 0) {
      const edge = this.edgeLength(truck);
      if (truck.alongM + remaining < edge) {
        truck.alongM += remaining;
        return;
      }
      remaining -= edge - truck.alongM;
      this.arrive(truck);
      if (truck.stoppedForS > 0) return;
    }
  }

  private arrive(truck: Truck): void {
    const options = this.graph.neighbours[truck.to]!.filter((n) => n !== truck.from);
    const next = this.rng.pick(options.length > 0 ? options : this.graph.neighbours[truck.to]!);
    truck.from = truck.to;
    truck.to = next;
    truck.alongM = 0;
    if (this.rng.next() < STOP_CHANCE_AT_NODE) {
      truck.stoppedForS = this.rng.between(...STOP_DURATION_S);
      truck.speedMps = 0;
      truck.cruiseMps = this.rng.between(4.5, TRUCK_MAX_SPEED_MPS);
    }
  }

  private edgeLength(truck: Truck): number {
    return distanceM(this.graph.nodes[truck.from]!, this.graph.nodes[truck.to]!);
  }

  /** Every truck's fix at the given instant, as ingest items. */
  telemetry(timeMs: number): TelemetryItem[] {
    return this.trucks.map((truck) => {
      const a = this.graph.nodes[truck.from]!;
      const b = this.graph.nodes[truck.to]!;
      const [lon, lat] = interpolate(a, b, truck.alongM / this.edgeLength(truck));
      const state: EquipmentState =
        truck.stoppedForS > 0 ? 'working' : truck.loaded ? 'travelling_loaded' : 'travelling_empty';
      return {
        equipmentId: truck.id,
        kind: 'truck',
        time: timeMs,
        lon,
        lat,
        headingDeg: (Math.round(bearingDeg(a, b) * 10) / 10) % 360, // 359.96 rounds to 0, not 360
        speedMps: Math.round(truck.speedMps * 100) / 100,
        state,
      };
    });
  }
}
