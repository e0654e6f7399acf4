// Where the simulation's logistics events go: numbered with run-scoped ids as they
// happen, kept until the output loop takes them. During the warm-up nothing is output,
// but the events that describe the state at its end are kept (each piece of equipment's
// latest state, the port-call timestamps of the calls still in port), so the first
// output says where everything stands, as a feed does when it connects; the simulation
// adds the yard inventory.
import type { EquipmentStateEvent, PortCallEvent, PortEvent } from '../../protocol/events.ts';

/** An event as a process raises it: the sink gives it its id. */
export type NewEvent = PortEvent extends infer E
  ? E extends PortEvent
    ? Omit<E, 'eventId'> & { time: number }
    : never
  : never;

export class EventSink {
  private pending: PortEvent[] = [];
  private seq = 0;
  private warmingUp = true;
  private readonly latestState = new Map<string, EquipmentStateEvent>();
  private readonly callHistory = new Map<string, PortCallEvent[]>();

  constructor(private readonly runTag: string) {}

  private numbered(event: NewEvent): PortEvent {
    this.seq += 1;
    return { ...event, eventId: `${this.runTag}-E${this.seq}` } as PortEvent;
  }

  emit(event: NewEvent): void {
    const full = this.numbered(event);
    if (!this.warmingUp) {
      this.pending.push(full);
      return;
    }
    if (full.type === 'equipment_state') this.latestState.set(full.equipmentId, full);
    if (full.type === 'port_call') {
      const history = this.callHistory.get(full.callId) ?? [];
      history.push(full);
      this.callHistory.set(full.callId, history);
    }
  }

  /** A call that has left port: its history no longer describes the present. */
  callLeft(callId: string): void {
    if (this.warmingUp) this.callHistory.delete(callId);
  }

  /**
   * Ends the warm-up at `atMs`: from now on events are output, starting with the state so
   * far and the given inventory (events describing what else stands where). Each machine's
   * state is reported as of atMs, as a feed that connects says what each does now: a KPI
   * window must not count crane hours from before the moves in them were reported.
   */
  endWarmUp(atMs: number, inventory: readonly NewEvent[] = []): void {
    if (!this.warmingUp) return;
    this.warmingUp = false;
    const history: PortEvent[] = [...this.callHistory.values()].flat();
    const states = [...this.latestState.values()].map((e) => ({ ...e, time: atMs }));
    const booked = inventory.map((event) => this.numbered(event));
    this.pending = [...history, ...states, ...booked];
    this.pending.sort((a, b) => (a.time as number) - (b.time as number));
    this.latestState.clear();
    this.callHistory.clear();
  }

  /** The events raised since the last call, in the order they happened. */
  take(): PortEvent[] {
    const taken = this.pending;
    this.pending = [];
    return taken;
  }
}
