// A container as the simulation knows it: its identity and ISO size-type, what it
// carries, which flow it is in, the calls that bring and take it, and its customs case.
import type { Carrier } from '../identity/carriers.ts';
import type { IdentityFactory } from '../identity/identity-factory.ts';
import type { Rng } from '../rng.ts';
import type { RiskChannel, SimulationConfig } from '../simulation-config.ts';
import type { BlockKind } from '../world/port-layout.ts';

export type Flow = 'import' | 'export' | 'transshipment' | 'empty';
export type CargoClass = 'general' | 'reefer' | 'dangerous';

export interface CustomsCase {
  declarationId: string;
  channel: RiskChannel;
  aeo: boolean;
  status: 'pending' | 'selected_scan' | 'selected_inspection' | 'released' | 'held';
}

export interface Container {
  number: string;
  isoCode: string;
  cargo: CargoClass;
  flow: Flow;
  inboundCallId?: string;
  outboundCallId?: string;
  customs?: CustomsCase;
  /** Collected by truck straight from under the crane / loaded straight off the truck. */
  direct?: boolean;
  /** When it entered the yard (or the terminal), for dwell and collection order. */
  sinceMs: number;
}

export function isoCodeFor(cargo: CargoClass, fortyFoot: boolean, rng: Rng): string {
  if (cargo === 'reefer') return fortyFoot ? '45R1' : '22R1';
  if (cargo === 'dangerous') return fortyFoot ? '42G1' : rng.chance(0.3) ? '22T6' : '22G1';
  return fortyFoot ? (rng.chance(0.7) ? '45G1' : '42G1') : '22G1';
}

export function makeContainer(
  ids: IdentityFactory,
  carrier: Carrier,
  flow: Flow,
  config: SimulationConfig['cargo'],
  rng: Rng,
  sinceMs: number,
): Container {
  const laden = flow !== 'empty';
  const roll = rng.next();
  const cargo: CargoClass = !laden
    ? 'general'
    : roll < config.reeferShare
      ? 'reefer'
      : roll < config.reeferShare + config.dangerousShare
        ? 'dangerous'
        : 'general';
  return {
    number: ids.containerNumber(carrier),
    isoCode: isoCodeFor(cargo, rng.chance(config.fortyFootShare), rng),
    cargo,
    flow,
    sinceMs,
  };
}

/** The kind of yard block a box is stacked in. */
export function blockKindFor(container: Container): BlockKind {
  if (container.flow === 'empty') return 'empty';
  if (container.cargo === 'reefer') return 'reefer';
  if (container.cargo === 'dangerous') return 'dangerous';
  return container.flow === 'import' ? 'import' : 'export';
}
