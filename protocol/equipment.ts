import Type, { type Static } from 'typebox';

/** What a piece of equipment is. Terminal tractors and external trucks share "truck". */
export const EQUIPMENT_KINDS = ['sts', 'yard_crane', 'agv', 'truck', 'scanner'] as const;
export const EquipmentKind = Type.Enum([...EQUIPMENT_KINDS], {
  description: 'sts = ship-to-shore quay crane; yard_crane = RTG/ASC; agv; truck; scanner',
});
export type EquipmentKind = Static<typeof EquipmentKind>;

export const EQUIPMENT_STATES = [
  'working',
  'idle',
  'travelling_empty',
  'travelling_loaded',
  'waiting',
  'fault',
] as const;
export const EquipmentState = Type.Enum([...EQUIPMENT_STATES]);
export type EquipmentState = Static<typeof EquipmentState>;
