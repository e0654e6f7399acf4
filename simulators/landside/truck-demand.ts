// Who comes to the gate, and when: hauliers delivering each export box booked on a call
// (over the days before its cut-off; some also collect an import on the same trip),
// hauliers collecting imports at the rate ships bring them, and hauliers booked for
// direct delivery and direct loading while a ship is worked. All follow the profile
// of appointments over the day.
import type { Container } from '../cargo/container.ts';
import type { YardStorage } from '../cargo/yard-storage.ts';
import { blockKindFor } from '../cargo/container.ts';
import type { SimContext } from '../engine/sim-context.ts';
import type { DirectTrucks } from '../quay/cargo-operations.ts';
import type { VesselCall } from '../vessels/vessel-call.ts';
import type { AppointmentProfile } from './appointment-profile.ts';
import type { TruckVisits } from './truck-visits.ts';

const HOUR = 3_600_000;
/** Exports are delivered from this long before the berth window... */
const DELIVERY_OPENS_MS = 5 * 24 * HOUR;
/** ...until the cut-off, this long before it. */
const CUT_OFF_MS = 10 * HOUR;

export class TruckDemand implements DirectTrucks {
  private readonly rng;

  constructor(
    private readonly ctx: SimContext,
    private readonly visits: TruckVisits,
    private readonly profile: AppointmentProfile,
    private readonly storage: YardStorage,
  ) {
    this.rng = ctx.rng('truck-demand');
  }

  /**
   * Books a delivery for each export box of the call; a box whose delivery time falls
   * before now was delivered already, and stands in the yard since then.
   */
  bookExportDeliveries(call: VesselCall): void {
    const { windowMs } = call.scheduled;
    const now = this.ctx.queue.nowMs;
    const dual = this.ctx.config.cargo.dualTransactionShare;
    for (const box of call.exports) {
      if (box.direct) continue;
      const at = this.profile.sampleBetween(
        windowMs - DELIVERY_OPENS_MS,
        windowMs - CUT_OFF_MS,
        this.rng,
      );
      if (at < now) this.alreadyDelivered(box, at);
      else this.visits.book({ kind: 'delivery', box, alsoPickup: this.rng.chance(dual) }, at);
    }
  }

  private alreadyDelivered(box: Container, atMs: number): void {
    box.sinceMs = atMs;
    const block = this.storage.chooseBlock(blockKindFor(box), this.rng);
    this.storage.place(box.number, 'new', this.storage.reserve(block.id, this.rng), box);
  }

  /** Books import collections for a period, at the daily rate given. */
  bookCollections(fromMs: number, toMs: number, perDay: number): void {
    for (const at of this.profile.stream(fromMs, toMs, perDay, this.rng))
      this.visits.book({ kind: 'pickup' }, at);
  }

  pickups(callId: string, count: number, fromMs: number, toMs: number): void {
    for (let i = 0; i < count; i += 1)
      this.visits.book({ kind: 'direct_pickup', callId }, this.rng.between(fromMs, toMs));
  }

  loadings(callId: string, boxes: Container[], fromMs: number, toMs: number): void {
    for (const box of boxes)
      this.visits.book({ kind: 'direct_loading', callId, box }, this.rng.between(fromMs, toMs));
  }
}
