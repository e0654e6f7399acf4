// Ships' AIS static and voyage reports as a shore receiver hears them: on first sight
// and every six minutes after (ITU-R M.1371, class A), so a server that starts late or
// loses its registry learns every ship's name and size within minutes.
import type { VesselStatic } from '../../protocol/vessel.ts';
import type { Vessel } from '../vessels/vessel.ts';

export const STATIC_REPORT_INTERVAL_MS = 6 * 60_000;

export class StaticReporter {
  private readonly last = new Map<string, number>();

  report(timeMs: number, vessels: Iterable<Vessel>): VesselStatic[] {
    const reports: VesselStatic[] = [];
    const seen = new Set<string>();
    for (const vessel of vessels) {
      const { mmsi } = vessel.identity;
      seen.add(mmsi);
      const last = this.last.get(mmsi);
      if (last !== undefined && timeMs - last < STATIC_REPORT_INTERVAL_MS) continue;
      this.last.set(mmsi, timeMs);
      reports.push(vessel.staticReport(timeMs));
    }
    // Ships gone from the area are forgotten: they report afresh if they come back.
    for (const mmsi of this.last.keys()) if (!seen.has(mmsi)) this.last.delete(mmsi);
    return reports;
  }
}
