// Class B static data arrives in two halves (type 24 part A: the name; part B: type, call
// sign, dimensions), often far apart and interleaved with other vessels' halves, in either
// order. This cache keeps the latest of each part per MMSI and merges them. It is bounded:
// beyond `maxVessels` the least recently updated vessel is forgotten.
import { definedOnly } from './fields.ts';
import type { ClassBStatic, StaticDataReportA, StaticDataReportB } from './types.ts';

interface Parts {
  a?: StaticDataReportA;
  b?: StaticDataReportB;
}

export class ClassBStaticCache {
  private readonly vessels = new Map<string, Parts>();

  constructor(private readonly maxVessels = 50_000) {}

  get size(): number {
    return this.vessels.size;
  }

  /** Record one part; returns the merged static data for that vessel now. */
  add(report: StaticDataReportA | StaticDataReportB): ClassBStatic {
    const parts = this.vessels.get(report.mmsi) ?? {};
    this.vessels.delete(report.mmsi); // re-insert: the Map's order is least recently updated first
    if (report.part === 'A') parts.a = report;
    else parts.b = report;
    this.vessels.set(report.mmsi, parts);
    if (this.vessels.size > this.maxVessels) {
      const oldest = this.vessels.keys().next().value;
      if (oldest !== undefined) this.vessels.delete(oldest);
    }
    return merge(report.mmsi, parts);
  }

  /** The merged static data known for `mmsi`, if either part has been seen. */
  get(mmsi: string): ClassBStatic | undefined {
    const parts = this.vessels.get(mmsi);
    return parts ? merge(mmsi, parts) : undefined;
  }

  clear(): void {
    this.vessels.clear();
  }
}

function merge(mmsi: string, { a, b }: Parts): ClassBStatic {
  return definedOnly({
    mmsi,
    name: a?.name,
    shipType: b?.shipType,
    vendorId: b?.vendorId,
    callSign: b?.callSign,
    toBowM: b?.toBowM,
    toSternM: b?.toSternM,
    toPortM: b?.toPortM,
    toStarboardM: b?.toStarboardM,
    mothershipMmsi: b?.mothershipMmsi,
    partAAtMs: a?.receivedAtMs,
    partBAtMs: b?.receivedAtMs,
  });
}
