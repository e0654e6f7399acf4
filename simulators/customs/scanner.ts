// The X-ray portal of a drive-through scanner lane: it stands still, works while it
// scans, and fails now and then like any equipment.
import type { SimContext } from '../engine/sim-context.ts';
import { Equipment, type PositionSample } from '../equipment/equipment.ts';
import type { InspectionLaneSite } from '../world/port-layout.ts';

export class Scanner extends Equipment {
  constructor(
    ctx: SimContext,
    readonly lane: InspectionLaneSite,
  ) {
    super(ctx, `${lane.id}-scanner`, 'scanner');
    this.setState('idle');
  }

  sample(): PositionSample {
    return { point: this.ctx.layout.roads.pointAt(this.lane.stop), heading: 0, speedMps: 0 };
  }

  movingAt(): boolean {
    return false;
  }
}
