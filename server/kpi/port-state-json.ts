// PortState as JSON (for the checkpoint table): each map as its entries. The format
// number changes whenever the state's shape does, so a checkpoint written by an older
// Quayside is skipped (history then folds from an older one, or from the start) rather
// than misread.
import type {
  BoxStatus,
  CallStatus,
  EquipmentStatus,
  InspectionStatus,
  PortState,
  VisitStatus,
} from './port-state.ts';

export const STATE_FORMAT = 3;

export interface PortStateJson {
  format: typeof STATE_FORMAT;
  equipment: [string, EquipmentStatus][];
  boxes: [string, BoxStatus][];
  visits: [string, VisitStatus][];
  inspections: [string, InspectionStatus][];
  calls: [string, CallStatus][];
}

export function stateToJson(state: PortState): PortStateJson {
  return {
    format: STATE_FORMAT,
    equipment: [...state.equipment],
    boxes: [...state.boxes],
    visits: [...state.visits],
    inspections: [...state.inspections],
    calls: [...state.calls],
  };
}

/** The state a JSON value describes, or undefined when it is of another format. */
export function stateFromJson(json: unknown): PortState | undefined {
  if (typeof json !== 'object' || json === null) return undefined;
  if ((json as { format?: unknown }).format !== STATE_FORMAT) return undefined;
  const value = json as PortStateJson;
  return {
    equipment: new Map(value.equipment),
    boxes: new Map(value.boxes),
    visits: new Map(value.visits),
    inspections: new Map(value.inspections),
    calls: new Map(value.calls),
  };
}
