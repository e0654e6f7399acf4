// Positions as feeds send them: everything that moves reports every second (the
// simulation's position interval), what stands still every few seconds and whenever its
// state changes. Equipment reports as telemetry items, ships as AIS-like vessel items.
import type { TelemetryItem } from '../../protocol/telemetry.ts';
import type { VesselPositionItem } from '../../protocol/vessel.ts';
import type { Equipment } from '../equipment/equipment.ts';
import type { Projection } from '../geometry/planar.ts';
import type { Vessel } from '../vessels/vessel.ts';

export type PositionItem = TelemetryItem | VesselPositionItem;

interface LastReport {
  timeMs: number;
  state?: string;
}

const hashOf = (id: string) => {
  let h = 0;
  for (let i = 0; i < id.length; i += 1) h = (h * 31 + id.charCodeAt(i)) >>> 0;
  return h;
};

export class PositionReporter {
  private readonly last = new Map<string, LastReport>();

  constructor(
    private readonly projection: Projection,
    private readonly stationaryIntervalMs: number,
  ) {}

  /** Whether something last reported as `last` reports at this instant. */
  private due(id: string, timeMs: number, moving: boolean, state?: string): boolean {
    const last = this.last.get(id);
    if (!last) {
      // Seen for the first time: report, and spread later reports of standing things.
      const phase = hashOf(id) % Math.max(1, this.stationaryIntervalMs);
      this.last.set(id, { timeMs: timeMs - Math.floor(phase / 1000) * 1000, state });
      return true;
    }
    if (!moving && last.state === state && timeMs - last.timeMs < this.stationaryIntervalMs)
      return false;
    this.last.set(id, { timeMs, state });
    return true;
  }

  report(
    timeMs: number,
    equipment: Iterable<Equipment>,
    vessels: Iterable<Vessel>,
  ): PositionItem[] {
    const items: PositionItem[] = [];
    for (const e of equipment) {
      if (!this.due(e.id, timeMs, e.movingAt(timeMs), e.state)) continue;
      const s = e.sample(timeMs);
      const [lon, lat] = this.projection.toLonLat(s.point);
      items.push({
        equipmentId: e.id,
        kind: e.kind,
        time: timeMs,
        lon,
        lat,
        headingDeg: (Math.round(s.heading * 10) / 10) % 360,
        speedMps: Math.round(s.speedMps * 100) / 100,
        state: e.state,
      });
    }
    for (const v of vessels) {
      if (!this.due(v.identity.mmsi, timeMs, v.movingAt(timeMs), String(v.navStatus))) continue;
      items.push(v.report(timeMs, this.projection.toLonLat));
    }
    return items;
  }
}
