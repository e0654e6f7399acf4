// Working a ship: which of the berth's cranes work it and where along it, which boxes
// each discharges and loads (exports booked on the call, transshipment and empty boxes
// from the yard's pools), the hauliers booked for direct delivery and direct loading,
// and when the last crane has finished.
import type { Container } from '../cargo/container.ts';
import type { YardStorage } from '../cargo/yard-storage.ts';
import type { SimContext } from '../engine/sim-context.ts';
import type { Rng } from '../rng.ts';
import { berthCentre } from '../vessels/navigation.ts';
import type { VesselCall } from '../vessels/vessel-call.ts';
import type { BerthSite } from '../world/port-layout.ts';
import type { QuayCrane } from './quay-crane.ts';

export interface DirectTrucks {
  /** Book hauliers to collect boxes under the cranes between these times. */
  pickups(callId: string, count: number, fromMs: number, toMs: number): void;
  /** Book hauliers to bring these export boxes straight to the cranes. */
  loadings(callId: string, boxes: Container[], fromMs: number, toMs: number): void;
}

const HOUR = 3_600_000;
/** Lines off, pilot aboard, tugs made fast: the time from the last lift to leaving. */
const UNBERTHING_ALLOWANCE_MS = HOUR;
/** Transshipment and empty boxes must have been in the yard this long to be loaded. */
const MIN_YARD_TIME_MS = 6 * HOUR;
/** Cranes work the middle 80 % of a ship's length (not the bow, the bridge, the stern). */
const CARGO_SPAN = 0.8;

export class CargoOperations {
  private readonly rng: Rng;
  private readonly working = new Map<string, QuayCrane[]>();

  constructor(
    private readonly ctx: SimContext,
    private readonly cranesByBerth: Map<string, QuayCrane[]>,
    private readonly storage: YardStorage,
    private readonly directTrucks: DirectTrucks,
  ) {
    this.rng = ctx.rng('cargo-operations');
  }

  start(call: VesselCall, onDone: () => void): void {
    const berth = call.berth!;
    const cranes = this.gang(berth, call.spec.cranes);
    const loads = this.loadList(call);
    const discharges = this.rng.shuffle([...call.onBoard]);
    const shares = cranes.map(() => this.rng.between(0.85, 1.15));
    const split = <T>(items: T[]) => splitByShares(items, shares);
    const dischargeSplit = split(discharges);
    const loadSplit = split(loads);
    const span = call.spec.lengthM * CARGO_SPAN;
    const start = berthCentre(berth) - span / 2;
    let remaining = cranes.length;
    this.working.set(call.callId, cranes);
    cranes.forEach((crane, i) =>
      crane.start(
        {
          callId: call.callId,
          berthId: berth.id,
          alongM: start + ((i + 0.5) * span) / cranes.length,
          discharges: dischargeSplit[i]!,
          loads: loadSplit[i]!,
          onLoaded: (number) => call.loaded.push(number),
        },
        () => {
          remaining -= 1;
          if (remaining > 0) return;
          this.working.delete(call.callId);
          onDone();
        },
      ),
    );

    const now = this.ctx.queue.nowMs;
    const hours = (call.plannedMoves / (cranes.length * 28)) * HOUR; // at a typical gross rate
    // The terminal's estimate of departure from the gang it gave: a call that overruns it
    // shows as delayed on its berth.
    call.report('ETD-Berth', now + hours + UNBERTHING_ALLOWANCE_MS);
    const directPickups = discharges.filter((n) => this.ctx.registry.get(n).direct).length;
    // Direct deliveries come while the cranes discharge, direct loadings while they load.
    if (directPickups > 0)
      this.directTrucks.pickups(call.callId, directPickups, now, now + 0.35 * hours);
    const directLoads = loads.filter((c) => c.direct);
    if (directLoads.length > 0)
      this.directTrucks.loadings(call.callId, directLoads, now + 0.45 * hours, now + 0.75 * hours);
  }

  /** The berth's cranes the ship gets: the middle ones of the berth, as many as it needs. */
  private gang(berth: BerthSite, wanted: number): QuayCrane[] {
    const all = this.cranesByBerth.get(berth.id)!;
    const count = Math.min(wanted, all.length);
    const first = Math.floor((all.length - count) / 2);
    return all.slice(first, first + count);
  }

  /** Exports booked and in the yard (or coming straight to the crane), then the pools. */
  private loadList(call: VesselCall): Container[] {
    const registry = this.ctx.registry;
    const exports = call.exports.filter(
      (c) =>
        c.direct || (registry.has(c.number) && this.storage.stackOfBox(c.number) !== undefined),
    );
    const flows = this.ctx.config.cargo.loadFlows;
    const fromPool = (flow: 'transshipment' | 'empty', count: number) => {
      const picked: Container[] = [];
      for (const number of this.storage.unclaimed(flow)) {
        if (picked.length >= count) break;
        const container = registry.get(number);
        if (container.sinceMs > this.ctx.queue.nowMs - MIN_YARD_TIME_MS) continue;
        picked.push(container);
      }
      return picked;
    };
    const loads = [
      ...exports,
      ...fromPool('transshipment', Math.round(call.scheduled.loadMoves * flows.transshipment)),
      ...fromPool('empty', Math.round(call.scheduled.loadMoves * flows.empty)),
    ];
    for (const container of loads) {
      container.outboundCallId = call.callId;
      if (!container.direct) this.storage.claim(container.number);
    }
    return this.rng.shuffle(loads);
  }

  /** The crane of a call with the most boxes left for direct delivery, booking one truck. */
  craneForDirectPickup(callId: string): QuayCrane | undefined {
    const cranes = (this.working.get(callId) ?? []).filter((c) => c.directPickupsOpen > 0);
    const crane = cranes.sort((a, b) => b.directPickupsOpen - a.directPickupsOpen)[0];
    if (crane) crane.directTrucksComing += 1;
    return crane;
  }

  /** The crane that is to load this box, booking the truck that brings it. */
  craneForDirectLoad(callId: string, number: string): QuayCrane | undefined {
    const crane = (this.working.get(callId) ?? []).find((c) => c.hasPendingLoad(number));
    if (crane) crane.directTrucksComing += 1;
    return crane;
  }
}

/** Splits items into consecutive runs whose sizes follow the shares. */
function splitByShares<T>(items: T[], shares: number[]): T[][] {
  const total = shares.reduce((sum, s) => sum + s, 0);
  const runs: T[][] = [];
  let start = 0;
  let cumulative = 0;
  for (const share of shares) {
    cumulative += share;
    const end = Math.round((items.length * cumulative) / total);
    runs.push(items.slice(start, end));
    start = end;
  }
  return runs;
}
