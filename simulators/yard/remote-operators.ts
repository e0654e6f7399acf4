// The remote operators who take over an automated stacking crane for the last metres
// onto or off a truck's chassis (AGVs are served automatically). A handful look after
// the whole yard, so at the landside peaks trucks wait for one.
export class RemoteOperators {
  private available: number;
  private readonly waiting: (() => void)[] = [];

  constructor(count: number) {
    this.available = count;
  }

  /** Takes an operator if one is free. */
  tryAcquire(): boolean {
    if (this.available === 0) return false;
    this.available -= 1;
    return true;
  }

  /** Calls back (once) when an operator is next released. */
  whenFree(callback: () => void): void {
    this.waiting.push(callback);
  }

  /** Frees an operator; the crane that has waited longest gets the first chance. */
  release(): void {
    this.available += 1;
    while (this.available > 0 && this.waiting.length > 0) this.waiting.shift()!();
  }
}
