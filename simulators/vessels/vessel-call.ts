// One call of a ship at the port, from its announcement to its departure: the ship, its
// berth, the boxes it brings and the export boxes booked on it, and the JIT port-call
// timestamps it reports along the way.
import type { PortCallTimestamp } from '../../protocol/events.ts';
import type { Container } from '../cargo/container.ts';
import type { SimContext } from '../engine/sim-context.ts';
import type { VesselClassSpec } from '../simulation-config.ts';
import type { BerthSite } from '../world/port-layout.ts';
import type { ScheduledCall } from './liner-schedule.ts';

export class VesselCall {
  berth: BerthSite | undefined;
  /** The boxes on board to discharge here. */
  readonly onBoard: string[] = [];
  /** Export boxes booked on this call: created when they enter the terminal. */
  readonly exports: Container[] = [];
  /** The boxes loaded here, on board until the ship is out of sight. */
  readonly loaded: string[] = [];

  constructor(
    private readonly ctx: SimContext,
    readonly callId: string,
    readonly scheduled: ScheduledCall,
    readonly spec: VesselClassSpec,
  ) {}

  get vessel() {
    return this.scheduled.vessel;
  }

  get plannedMoves(): number {
    return this.scheduled.dischargeMoves + this.scheduled.loadMoves;
  }

  report(timestamp: PortCallTimestamp, timeMs = this.ctx.queue.nowMs): void {
    this.ctx.events.emit({
      type: 'port_call',
      time: Math.round(timeMs),
      callId: this.callId,
      timestamp,
      vesselImo: this.vessel.imo,
      vesselName: this.vessel.name,
      mmsi: this.vessel.mmsi,
      ...(this.berth ? { berthId: this.berth.id } : {}),
      plannedMoves: this.plannedMoves,
    });
  }
}
