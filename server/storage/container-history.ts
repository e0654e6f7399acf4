// One container's story: its equipment events, gate transactions, inspections and
// customs declarations, oldest first, with where it is now and how customs stands.
import type { ContainerHistory, HistoryEntry } from '../../protocol/history.ts';
import type { PlaceCentres } from '../port-model/place-centres.ts';
import type { Queryable } from './insert-rows.ts';

export const HISTORY_LIMIT = 500;
/**
 * Codes that show a box in the terminal (an arrival, or a move in the yard: a yard's
 * opening inventory has only those), and the codes that take it out.
 */
export const PRESENCE_CODES = ['DISC', 'GTIN', 'PICK', 'DROP'];
export const DEPARTURE_CODES = ['LOAD', 'GTOT'];

const TIME_MS = 'extract(epoch FROM time)::float8 * 1000 AS time_ms';
// Newest first with a tie-break, so the last HISTORY_LIMIT of each kind are the ones kept.
const NEWEST = `ORDER BY time DESC, event_id DESC LIMIT ${HISTORY_LIMIT}`;

interface ContainerRow {
  time_ms: number;
  event_type_code: string;
  classifier: string;
  iso_equipment_code: string | null;
  flow: string | null;
  call_id: string | null;
  facility_id: string | null;
  equipment_id: string | null;
}
interface GateRow {
  time_ms: number;
  lane_id: string;
  direction: string;
  phase: string;
  truck_id: string;
}
interface InspectionRow {
  time_ms: number;
  lane_id: string;
  phase: string;
  outcome: string | null;
}
interface CustomsRow {
  time_ms: number;
  declaration_id: string;
  status: ContainerHistory['customs']['status'];
  channel: NonNullable<ContainerHistory['customs']['channel']>;
}

/** Optional fields: SQL NULL becomes an absent property. */
const entry = (fields: {
  [K in keyof HistoryEntry]-?: HistoryEntry[K] | null;
}): HistoryEntry =>
  Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null)) as HistoryEntry;

const fromContainer = (r: ContainerRow): HistoryEntry =>
  entry({
    timeMs: Math.round(r.time_ms),
    type: 'container',
    code: r.event_type_code,
    placeId: r.facility_id,
    by: r.equipment_id ?? r.call_id,
    // Only plans and estimates say what they are; an actual is the normal case.
    note: r.classifier === 'ACT' ? null : r.classifier,
  });
const fromGate = (r: GateRow): HistoryEntry =>
  entry({
    timeMs: Math.round(r.time_ms),
    type: 'gate',
    code: r.phase,
    placeId: r.lane_id,
    by: r.truck_id,
    note: r.direction,
  });
const fromInspection = (r: InspectionRow): HistoryEntry =>
  entry({
    timeMs: Math.round(r.time_ms),
    type: 'inspection',
    code: r.phase,
    placeId: r.lane_id,
    by: null,
    note: r.outcome,
  });
const fromCustoms = (r: CustomsRow): HistoryEntry =>
  entry({
    timeMs: Math.round(r.time_ms),
    type: 'customs',
    code: r.status,
    placeId: null,
    by: r.declaration_id,
    note: r.channel,
  });

/** The story of one (well-formed) container number; undefined when it was never seen. */
export async function containerHistory(
  db: Queryable,
  containerNumber: string,
  centres: PlaceCentres,
): Promise<ContainerHistory | undefined> {
  const args = [containerNumber];
  const [boxes, gates, inspections, customs] = await Promise.all([
    db.query<ContainerRow>(
      `SELECT ${TIME_MS}, event_type_code, classifier, iso_equipment_code, flow, call_id,
              facility_id, equipment_id
       FROM container_event WHERE container_number = $1 ${NEWEST}`,
      args,
    ),
    db.query<GateRow>(
      `SELECT ${TIME_MS}, lane_id, direction, phase, truck_id
       FROM gate_event WHERE container_number = $1 ${NEWEST}`,
      args,
    ),
    db.query<InspectionRow>(
      `SELECT ${TIME_MS}, lane_id, phase, outcome
       FROM inspection_event WHERE container_number = $1 ${NEWEST}`,
      args,
    ),
    db.query<CustomsRow>(
      `SELECT ${TIME_MS}, declaration_id, status, channel
       FROM customs_event WHERE container_number = $1 ${NEWEST}`,
      args,
    ),
  ]);
  // Each list oldest first, then one stable sort: ties keep their order within a table.
  const events = [
    ...boxes.rows.map(fromContainer).reverse(),
    ...gates.rows.map(fromGate).reverse(),
    ...inspections.rows.map(fromInspection).reverse(),
    ...customs.rows.map(fromCustoms).reverse(),
  ];
  if (events.length === 0) return undefined;

  // Rows are newest first: the first match is the latest. Plans and estimates do not
  // move a box, so only actuals say where it is.
  const actuals = boxes.rows.filter((r) => r.classifier === 'ACT');
  const lastMove = actuals.find((r) =>
    [...PRESENCE_CODES, ...DEPARTURE_CODES].includes(r.event_type_code),
  );
  const lastPlaceId = actuals.find((r) => r.facility_id !== null)?.facility_id ?? undefined;
  const position = lastPlaceId === undefined ? undefined : centres.get(lastPlaceId);
  const isoEquipmentCode = boxes.rows.find((r) => r.iso_equipment_code)?.iso_equipment_code;
  const flow = boxes.rows.find((r) => r.flow)?.flow;
  const declaration = customs.rows[0];

  return {
    containerNumber,
    ...(isoEquipmentCode ? { isoEquipmentCode } : {}),
    ...(flow ? { flow } : {}),
    inTerminal: lastMove !== undefined && PRESENCE_CODES.includes(lastMove.event_type_code),
    ...(lastPlaceId === undefined ? {} : { lastPlaceId }),
    ...(position ? { position } : {}),
    customs: declaration
      ? {
          status: declaration.status,
          channel: declaration.channel,
          declarationId: declaration.declaration_id,
          sinceMs: Math.round(declaration.time_ms),
        }
      : { status: 'none' },
    events: events.sort((a, b) => a.timeMs - b.timeMs).slice(-HISTORY_LIMIT),
  };
}
