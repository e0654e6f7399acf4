// Hysteresis for alert conditions, so a value hovering at a threshold does not flap:
// a condition is raised only after the value has stayed above `raiseAbove` for
// `raiseAfterMs`, and cleared only after it has stayed below `clearBelow` (lower) for
// `clearAfterMs`. A missing value (no data) changes nothing either way.
export interface Hysteresis {
  raiseAbove: number;
  clearBelow: number;
  raiseAfterMs: number;
  clearAfterMs: number;
}

interface Tracked {
  active: boolean;
  /** Since when the value has been on the other side of the relevant threshold. */
  pendingSinceMs: number | undefined;
}

export type Transition = 'raise' | 'clear';

export class ConditionTracker {
  private readonly tracked = new Map<string, Tracked>();

  constructor(private readonly hysteresis: Hysteresis) {
    if (hysteresis.clearBelow > hysteresis.raiseAbove)
      throw new Error('clearBelow must not be above raiseAbove');
  }

  isActive(key: string): boolean {
    return this.tracked.get(key)?.active ?? false;
  }

  /** Marks a condition active without waiting (an alert already open at start). */
  restore(key: string): void {
    this.tracked.set(key, { active: true, pendingSinceMs: undefined });
  }

  update(key: string, value: number | null, nowMs: number): Transition | undefined {
    if (value === null) return undefined;
    const entry = this.tracked.get(key) ?? { active: false, pendingSinceMs: undefined };
    this.tracked.set(key, entry);
    const h = this.hysteresis;
    const crossing = entry.active ? value < h.clearBelow : value > h.raiseAbove;
    if (!crossing) {
      entry.pendingSinceMs = undefined;
      return undefined;
    }
    entry.pendingSinceMs ??= nowMs;
    const waited = nowMs - entry.pendingSinceMs;
    if (waited < (entry.active ? h.clearAfterMs : h.raiseAfterMs)) return undefined;
    entry.active = !entry.active;
    entry.pendingSinceMs = undefined;
    return entry.active ? 'raise' : 'clear';
  }
}
