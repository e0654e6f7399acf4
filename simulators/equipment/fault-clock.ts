// When a piece of equipment next fails, and how long the repair takes: failures come at
// random with the configured mean time between failures, counted in operating time
// (an idle crane does not wear), repairs take a log-normally spread time.
import type { Rng } from '../rng.ts';
import type { FaultSpec } from '../simulation-config.ts';

const FAULT_CODES: Record<string, string[]> = {
  sts: [
    'F-HOIST: hoist drive trip',
    'F-SPRD: spreader twistlock sensor',
    'F-TROL: trolley encoder',
    'F-GANT: gantry anti-collision stop',
  ],
  yard_crane: ['F-HOIST: hoist brake', 'F-SPRD: spreader flipper', 'F-GANT: gantry drive fault'],
  agv: ['F-NAV: navigation transponder lost', 'F-BAT: battery low', 'F-OBST: obstacle sensor stop'],
  truck: ['F-ENG: engine warning', 'F-TYRE: flat tyre'],
  scanner: ['F-XRAY: X-ray source interlock', 'F-DET: detector array error'],
};

export class FaultClock {
  private budgetMs: number;

  constructor(
    private readonly kind: string,
    private readonly spec: FaultSpec | undefined,
    private readonly rng: Rng,
  ) {
    this.budgetMs = this.nextBudget();
  }

  private nextBudget(): number {
    return this.spec ? this.rng.exponential(this.spec.mtbfHours * 3_600_000) : Infinity;
  }

  /** How far into an activity of this length a failure strikes, if it does. */
  strikesWithin(durationMs: number): number | undefined {
    return this.budgetMs < durationMs ? Math.max(0, this.budgetMs) : undefined;
  }

  consume(ms: number): void {
    this.budgetMs -= ms;
  }

  /** A failure happened: what it was and how long it takes to repair; the clock restarts. */
  fail(): { code: string; repairMs: number } {
    this.budgetMs = this.nextBudget();
    const codes = FAULT_CODES[this.kind] ?? ['F-GEN: general fault'];
    const median = (this.spec?.repairMedianMinutes ?? 20) * 60_000;
    return { code: this.rng.pick(codes), repairMs: this.rng.logNormal(median, 0.5) };
  }
}
