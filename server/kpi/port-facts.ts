// What the KPIs need to know besides the events: from the port model, the places that
// count even when nothing happens there (an idle berth is 0 % occupied, an idle lane
// passes 0 trucks an hour) and the capacity of each yard block; and the port's choices
// where terminals define a KPI differently.
import type { PortModel } from '../../protocol/port-model.ts';
import { DEFAULT_KPI_CHOICES, type KpiChoices } from './kpi-choices.ts';

export interface PortFacts {
  berthIds: readonly string[];
  blocks: readonly { id: string; capacityTeu: number }[];
  gateLaneIds: readonly string[];
  inspectionLaneIds: readonly string[];
  choices: KpiChoices;
}

export function portFacts(model: PortModel, choices: KpiChoices = DEFAULT_KPI_CHOICES): PortFacts {
  const facts = {
    choices,
    berthIds: [] as string[],
    blocks: [] as { id: string; capacityTeu: number }[],
    gateLaneIds: [] as string[],
    inspectionLaneIds: [] as string[],
  };
  for (const { properties } of model.features) {
    if (properties.kind === 'berth') facts.berthIds.push(properties.id);
    else if (properties.kind === 'yard_block')
      facts.blocks.push({ id: properties.id, capacityTeu: properties.capacityTeu });
    else if (properties.kind === 'gate_lane') facts.gateLaneIds.push(properties.id);
    else if (properties.kind === 'inspection_lane') facts.inspectionLaneIds.push(properties.id);
  }
  return facts;
}
