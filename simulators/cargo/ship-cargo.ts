// The boxes a call brings and takes: what is on board when the ship comes into view
// (imports, transshipment, empties, with their customs cases), and the export boxes
// booked on it, some of them to come straight to the crane.
import type { SimContext } from '../engine/sim-context.ts';
import type { CustomsOffice } from '../customs/customs-office.ts';
import type { IdentityFactory } from '../identity/identity-factory.ts';
import { channelChances } from '../simulation-config.ts';
import type { VesselCall } from '../vessels/vessel-call.ts';
import { makeContainer, type Flow } from './container.ts';

export class ShipCargo {
  private readonly rng;
  /** The chance an import box is collected under the crane, given it is green-channel. */
  private readonly directGivenGreen: number;

  constructor(
    private readonly ctx: SimContext,
    private readonly ids: IdentityFactory,
    private readonly customs: CustomsOffice,
  ) {
    this.rng = ctx.rng('ship-cargo');
    const { customs: c, cargo } = ctx.config;
    const green =
      (1 - c.aeoShare) * channelChances(c, false).green +
      c.aeoShare * channelChances(c, true).green;
    this.directGivenGreen = Math.min(1, cargo.directPickupShare / green);
  }

  /** Puts the boxes to discharge on board the arriving ship. */
  loadForArrival(call: VesselCall): void {
    const { cargo } = this.ctx.config;
    const flows = Object.entries(cargo.dischargeFlows) as [Flow, number][];
    const carrier = call.vessel.carrier;
    for (let i = 0; i < call.scheduled.dischargeMoves; i += 1) {
      const flow = flows[this.rng.weightedIndex(flows.map(([, share]) => share))]![0];
      const box = makeContainer(this.ids, carrier, flow, cargo, this.rng, this.ctx.queue.nowMs);
      box.inboundCallId = call.callId;
      if (flow === 'import') {
        this.customs.openCase(box);
        box.direct = box.customs!.channel === 'green' && this.rng.chance(this.directGivenGreen);
      }
      this.ctx.registry.create(box, { at: 'vessel', callId: call.callId });
      call.onBoard.push(box.number);
    }
  }

  /** Books the call's export boxes (they enter the terminal later, by truck). */
  bookExports(call: VesselCall): void {
    const { cargo } = this.ctx.config;
    const count = Math.round(call.scheduled.loadMoves * cargo.loadFlows.export);
    for (let i = 0; i < count; i += 1) {
      const box = makeContainer(this.ids, call.vessel.carrier, 'export', cargo, this.rng, 0);
      box.outboundCallId = call.callId;
      box.direct = this.rng.chance(cargo.directLoadingShare);
      call.exports.push(box);
    }
  }
}
