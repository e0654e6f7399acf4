// Customs at the port of entry. Every import box is declared when it is discharged and
// given a risk channel (drawn when the box was created, AEO traders less often yellow or
// red): green is released at once, yellow is selected for a scan, red for a physical
// examination. A suspicious scan leads to an examination; an examination ends with the
// goods released or held. The inspection area moves the boxes.
import type { CustomsEvent } from '../../protocol/events.ts';
import { emitContainerEvent } from '../cargo/container-events.ts';
import type { Container } from '../cargo/container.ts';
import type { SimContext } from '../engine/sim-context.ts';
import { channelChances, type RiskChannel } from '../simulation-config.ts';
import type { Yard } from '../yard/yard.ts';
import type { InspectionArea, InspectionOutcomes } from './inspection-area.ts';

const MINUTE = 60_000;

export class CustomsOffice implements InspectionOutcomes {
  private readonly rng;
  /** Selected boxes not yet in the yard: they are sent for inspection once stacked. */
  private readonly awaitingStacking = new Set<string>();

  constructor(
    private readonly ctx: SimContext,
    private readonly yard: Yard,
    private readonly inspection: InspectionArea,
  ) {
    this.rng = ctx.rng('customs');
    inspection.outcomes = this;
  }

  /** Opens the customs case of a new import box: its declarant and risk channel. */
  openCase(container: Container, status: 'pending' | 'released' = 'pending'): void {
    const aeo = this.rng.chance(this.ctx.config.customs.aeoShare);
    const chances = channelChances(this.ctx.config.customs, aeo);
    const roll = this.rng.next();
    const channel: RiskChannel =
      roll < chances.red ? 'red' : roll < chances.red + chances.yellow ? 'yellow' : 'green';
    container.customs = { declarationId: this.ctx.newId('D'), channel, aeo, status };
  }

  private report(number: string, status: CustomsEvent['status']): void {
    const customs = this.ctx.registry.get(number).customs!;
    customs.status = status === 'declared' ? 'pending' : status;
    this.ctx.events.emit({
      type: 'customs',
      time: this.ctx.queue.nowMs,
      declarationId: customs.declarationId,
      containerNumber: number,
      status,
      channel: customs.channel,
      aeo: customs.aeo,
    });
  }

  /** An import box has been discharged: it is declared, and its channel decides what next. */
  discharged(number: string): void {
    const container = this.ctx.registry.get(number);
    if (container.flow !== 'import' || !container.customs) return;
    this.report(number, 'declared');
    const { channel } = container.customs;
    // A box collected under the crane was cleared before arrival.
    const delay = container.direct ? 0 : this.rng.between(channel === 'green' ? 2 : 5, 30) * MINUTE;
    this.ctx.queue.after(delay, () => {
      if (channel === 'green') this.release(number);
      else this.select(number, channel === 'yellow' ? 'scan' : 'manual');
    });
  }

  private release(number: string): void {
    this.report(number, 'released');
    emitContainerEvent(this.ctx, 'CUSR', number, {});
  }

  private select(number: string, method: 'scan' | 'manual'): void {
    this.report(number, method === 'scan' ? 'selected_scan' : 'selected_inspection');
    emitContainerEvent(this.ctx, method === 'scan' ? 'CUSS' : 'CUSI', number, {});
    if (this.yard.storage.stackOfBox(number)) this.inspect(number, method);
    else this.awaitingStacking.add(number);
  }

  private inspect(number: string, method: 'scan' | 'manual'): void {
    if (method === 'scan') this.inspection.scan(number);
    else this.inspection.examine(number);
  }

  /** A box has been stacked in the yard: if customs selected it meanwhile, it goes now. */
  stacked(number: string): void {
    if (!this.awaitingStacking.delete(number)) return;
    const status = this.ctx.registry.get(number).customs!.status;
    this.inspect(number, status === 'selected_scan' ? 'scan' : 'manual');
  }

  scanned(number: string, cleared: boolean): void {
    if (cleared) this.release(number);
    else this.select(number, 'manual');
  }

  examined(number: string, cleared: boolean): void {
    if (cleared) this.release(number);
    else this.report(number, 'held');
  }
}
