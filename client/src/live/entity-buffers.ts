// Where the map's moving things live: one slot per entity in typed arrays that deck.gl
// reads directly. A new fix does not make an entity jump: it glides from where it is
// drawn now to the new fix over about one update interval.
import { EQUIPMENT_STATES, type EquipmentState } from '../../../protocol/equipment.ts';
import {
  LIVE_ENTITY_KINDS,
  type LiveEntityKind,
  type PositionColumns,
} from '../../../protocol/live.ts';

const MIN_GLIDE_MS = 200;
const MAX_GLIDE_MS = 2_000;
export const UNKNOWN_STATE = 255;

export interface EntityFix {
  id: string;
  kind: LiveEntityKind;
  state: EquipmentState | undefined;
  headingDeg: number | undefined;
  speedMps: number | undefined;
  fixTimeMs: number;
  lon: number;
  lat: number;
}

export class EntityBuffers {
  private capacity = 0;
  private slots = new Map<string, number>();
  ids: string[] = [];
  count = 0;
  kinds = new Uint8Array(0);
  states = new Uint8Array(0);
  headings = new Float32Array(0);
  speeds = new Float32Array(0);
  /** Interleaved lon/lat as drawn at the last interpolate() call. */
  positions = new Float64Array(0);
  private from = new Float64Array(0);
  private to = new Float64Array(0);
  private glideStart = new Float64Array(0);
  private glideMs = new Float64Array(0);
  private fixTime = new Float64Array(0);
  /** Bumped whenever something other than positions changes (colours, count). */
  version = 0;

  constructor(initialCapacity = 256) {
    this.grow(initialCapacity);
  }

  clear(): void {
    this.slots.clear();
    this.ids = [];
    this.count = 0;
    this.version += 1;
  }

  slotOf(id: string): number | undefined {
    return this.slots.get(id);
  }

  /**
   * Applies a batch of fixes received at client time nowMs. Each entity glides to its fix
   * over about the time since its last fix, or over glideMs when given (a replay sends
   * positions every few hundred milliseconds whatever the distance in data time).
   */
  apply(columns: PositionColumns, nowMs: number, glideMs?: number): void {
    for (let i = 0; i < columns.ids.length; i += 1) {
      const id = columns.ids[i]!;
      let slot = this.slots.get(id);
      const timeMs = columns.timeMs[i]!;
      const lon = columns.lon[i]!;
      const lat = columns.lat[i]!;
      if (slot === undefined) {
        slot = this.add(id, columns.kinds[i]!);
        this.from.set([lon, lat], slot * 2);
        this.positions.set([lon, lat], slot * 2);
        this.glideMs[slot] = 0;
      } else {
        if (timeMs < this.fixTime[slot]!) continue; // late and older: keep the newer fix
        // Glide from where it is drawn right now, for about as long as fixes are apart.
        this.from[slot * 2] = this.positions[slot * 2]!;
        this.from[slot * 2 + 1] = this.positions[slot * 2 + 1]!;
        const interval = glideMs ?? timeMs - this.fixTime[slot]!;
        this.glideMs[slot] = Math.min(MAX_GLIDE_MS, Math.max(MIN_GLIDE_MS, interval));
      }
      this.to[slot * 2] = lon;
      this.to[slot * 2 + 1] = lat;
      this.glideStart[slot] = nowMs;
      this.fixTime[slot] = timeMs;
      this.headings[slot] = columns.headingDeg[i] ?? Number.NaN;
      this.speeds[slot] = columns.speedMps[i] ?? Number.NaN;
      const state = columns.state[i];
      const stateCode = state ? EQUIPMENT_STATES.indexOf(state) : UNKNOWN_STATE;
      if (this.states[slot] !== stateCode) {
        this.states[slot] = stateCode;
        this.version += 1;
      }
    }
  }

  /** Drops every entity not in `keep` (a replayed truck that has left the terminal). */
  retain(keep: ReadonlySet<string>): void {
    for (let slot = this.count - 1; slot >= 0; slot -= 1)
      if (!keep.has(this.ids[slot]!)) this.removeSlot(slot);
  }

  /** Moves the last slot into this one, so the arrays stay dense. */
  private removeSlot(slot: number): void {
    const last = this.count - 1;
    this.slots.delete(this.ids[slot]!);
    if (slot !== last) {
      const move = (array: Float64Array | Float32Array | Uint8Array, perSlot: number) =>
        array.copyWithin(slot * perSlot, last * perSlot, (last + 1) * perSlot);
      for (const array of [this.positions, this.from, this.to]) move(array, 2);
      for (const array of [
        this.glideStart,
        this.glideMs,
        this.fixTime,
        this.headings,
        this.speeds,
        this.kinds,
        this.states,
      ])
        move(array, 1);
      this.ids[slot] = this.ids[last]!;
      this.slots.set(this.ids[slot]!, slot);
    }
    this.ids.length = last;
    this.count = last;
    this.version += 1;
  }

  /**
   * Moves every entity to where it should be drawn at client time nowMs. Returns whether
   * any is still on its way (the map need not redraw a picture in which nothing moves).
   */
  interpolate(nowMs: number): boolean {
    let moving = false;
    for (let slot = 0; slot < this.count; slot += 1) {
      const duration = this.glideMs[slot]!;
      const t = duration === 0 ? 1 : Math.min(1, (nowMs - this.glideStart[slot]!) / duration);
      const i = slot * 2;
      const [lon, lat] = [this.positions[i]!, this.positions[i + 1]!];
      this.positions[i] = this.from[i]! + (this.to[i]! - this.from[i]!) * t;
      this.positions[i + 1] = this.from[i + 1]! + (this.to[i + 1]! - this.from[i + 1]!) * t;
      if (this.positions[i] !== lon || this.positions[i + 1] !== lat) moving = true;
    }
    return moving;
  }

  /** Newest fix time over all entities (for "data age"), or undefined when empty. */
  newestFixMs(): number | undefined {
    let newest: number | undefined;
    for (let slot = 0; slot < this.count; slot += 1)
      newest = Math.max(newest ?? 0, this.fixTime[slot]!);
    return newest;
  }

  kindOf(slot: number): LiveEntityKind {
    return LIVE_ENTITY_KINDS[this.kinds[slot]!]!;
  }

  /** One entity's latest fix, for a details pane; undefined when it is not held. */
  describe(id: string): EntityFix | undefined {
    const slot = this.slots.get(id);
    if (slot === undefined) return undefined;
    const state = this.states[slot]!;
    const finite = (v: number) => (Number.isNaN(v) ? undefined : v);
    return {
      id,
      kind: this.kindOf(slot),
      state: state === UNKNOWN_STATE ? undefined : EQUIPMENT_STATES[state],
      headingDeg: finite(this.headings[slot]!),
      speedMps: finite(this.speeds[slot]!),
      fixTimeMs: this.fixTime[slot]!,
      lon: this.to[slot * 2]!,
      lat: this.to[slot * 2 + 1]!,
    };
  }

  private add(id: string, kind: LiveEntityKind): number {
    if (this.count === this.capacity) this.grow(Math.max(1, this.capacity * 2));
    const slot = this.count;
    this.count += 1;
    this.slots.set(id, slot);
    this.ids[slot] = id;
    this.kinds[slot] = LIVE_ENTITY_KINDS.indexOf(kind);
    this.fixTime[slot] = Number.NEGATIVE_INFINITY;
    this.version += 1;
    return slot;
  }

  private grow(capacity: number): void {
    const resize = <T extends Float64Array | Float32Array | Uint8Array>(
      old: T,
      perSlot: number,
      make: (n: number) => T,
    ): T => {
      const next = make(capacity * perSlot);
      next.set(old.subarray(0, this.count * perSlot));
      return next;
    };
    const f64 = (n: number) => new Float64Array(n);
    this.positions = resize(this.positions, 2, f64);
    this.from = resize(this.from, 2, f64);
    this.to = resize(this.to, 2, f64);
    this.glideStart = resize(this.glideStart, 1, f64);
    this.glideMs = resize(this.glideMs, 1, f64);
    this.fixTime = resize(this.fixTime, 1, f64);
    this.headings = resize(this.headings, 1, (n) => new Float32Array(n));
    this.speeds = resize(this.speeds, 1, (n) => new Float32Array(n));
    this.kinds = resize(this.kinds, 1, (n) => new Uint8Array(n));
    this.states = resize(this.states, 1, (n) => new Uint8Array(n));
    this.capacity = capacity;
  }
}
