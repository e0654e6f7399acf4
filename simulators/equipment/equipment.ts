// A piece of equipment: its state (reported as an EquipmentStateEvent whenever it or
// the call it works changes), its failures, and where it is. Subclasses say how it moves.
import type { EquipmentKind, EquipmentState } from '../../protocol/equipment.ts';
import type { SimContext } from '../engine/sim-context.ts';
import type { XY } from '../geometry/planar.ts';
import { FaultClock } from './fault-clock.ts';

export interface PositionSample {
  point: XY;
  heading: number;
  speedMps: number;
}

export abstract class Equipment {
  state: EquipmentState = 'idle';
  /** The vessel call it works for, reported with its states (quay cranes). */
  callId: string | undefined;
  private reason: string | undefined;
  private reported: { state: EquipmentState; callId?: string; reason?: string } | undefined;
  protected readonly faults: FaultClock;
  /** Told when it fails: a queue lets the others pass a broken-down vehicle. */
  onBreakdown: (() => void) | undefined;

  constructor(
    protected readonly ctx: SimContext,
    readonly id: string,
    readonly kind: EquipmentKind,
    /** Terminal equipment reports its states; a haulier's truck is not the terminal's. */
    private readonly reportsStates = true,
  ) {
    this.faults = new FaultClock(kind, ctx.config.faults[kind], ctx.rng(`faults:${id}`));
  }

  setState(state: EquipmentState, reason?: string): void {
    this.state = state;
    this.reason = reason;
    const last = this.reported;
    if (last && last.state === state && last.callId === this.callId && last.reason === reason)
      return;
    this.reported = { state, callId: this.callId, reason };
    if (!this.reportsStates) return;
    this.ctx.events.emit({
      type: 'equipment_state',
      time: this.ctx.queue.nowMs,
      equipmentId: this.id,
      kind: this.kind,
      state,
      ...(reason ? { reason } : {}),
      ...(this.callId ? { callId: this.callId } : {}),
    });
  }

  /**
   * Works for a while in place (a crane cycle, a lane transaction), then calls back. A
   * failure on the way stops it in the fault state for the repair, then it carries on.
   */
  perform(durationMs: number, onDone: () => void): void {
    const strike = this.faults.strikesWithin(durationMs);
    if (strike === undefined) {
      this.faults.consume(durationMs);
      this.ctx.queue.after(durationMs, onDone);
      return;
    }
    this.faults.consume(strike);
    this.ctx.queue.after(strike, () => {
      this.breakDown(() => this.perform(durationMs - strike, onDone));
    });
  }

  /** Fails now: the fault state for the repair time, then the state it was in, then `resume`. */
  protected breakDown(resume: () => void): void {
    const { state, reason } = this;
    const { code, repairMs } = this.faults.fail();
    this.setState('fault', code);
    this.onBreakdown?.();
    this.ctx.queue.after(repairMs, () => {
      this.setState(state, reason);
      resume();
    });
  }

  abstract sample(timeMs: number): PositionSample;
  /** Whether it moves at that instant (then it reports every second). */
  abstract movingAt(timeMs: number): boolean;
}
