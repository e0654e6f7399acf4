// Which ship gets which berth: its service's preferred berth if it is free, else the
// nearest free berth long and deep enough; if none is, the ship waits (first come, first
// served) and gets the first suitable berth to come free.
import type { VesselClassSpec } from '../simulation-config.ts';
import type { BerthSite } from '../world/port-layout.ts';

export interface BerthRequest {
  spec: VesselClassSpec;
  preferredBerth: string;
  onAssigned: (berth: BerthSite) => void;
}

const UNDER_KEEL_M = 1;
const BERTH_MARGIN_M = 10;

export class BerthPlanner {
  private readonly taken = new Set<string>();
  private readonly waiting: BerthRequest[] = [];

  constructor(private readonly berths: BerthSite[]) {}

  static fits(berth: BerthSite, spec: VesselClassSpec): boolean {
    return (
      berth.cranes.length > 0 &&
      berth.lengthM >= spec.lengthM + BERTH_MARGIN_M &&
      berth.depthM >= spec.draughtM + UNDER_KEEL_M
    );
  }

  /** Assigns a berth now (calling back at once) or queues the request; true if assigned. */
  request(request: BerthRequest): boolean {
    const berth = this.bestFree(request);
    if (!berth) {
      this.waiting.push(request);
      return false;
    }
    this.taken.add(berth.id);
    request.onAssigned(berth);
    return true;
  }

  get queueLength(): number {
    return this.waiting.length;
  }

  private bestFree({ spec, preferredBerth }: BerthRequest): BerthSite | undefined {
    const preferred = Math.max(
      0,
      this.berths.findIndex((b) => b.id === preferredBerth),
    );
    return this.berths
      .map((berth, i) => ({ berth, distance: Math.abs(i - preferred) }))
      .filter(({ berth }) => !this.taken.has(berth.id) && BerthPlanner.fits(berth, spec))
      .sort((a, b) => a.distance - b.distance)[0]?.berth;
  }

  /** The ship has left the berth: the first waiting ship that fits gets it. */
  release(berth: BerthSite): void {
    this.taken.delete(berth.id);
    const index = this.waiting.findIndex((r) => BerthPlanner.fits(berth, r.spec));
    if (index < 0) return;
    const [request] = this.waiting.splice(index, 1);
    this.taken.add(berth.id);
    request!.onAssigned(berth);
  }
}
