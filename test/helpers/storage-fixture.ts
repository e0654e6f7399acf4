// Deterministic rows for the storage suites (positions, container, gate and inspection
// events from a seeded generator) and the loader that writes them with plain SQL, the
// same statements on every engine.
import type { Queryable } from '../../db/queryable.ts';
import { containerNumber } from './fixtures.ts';

export interface PositionRow {
  timeMs: number;
  equipmentId: string;
  lon: number;
  lat: number;
  headingDeg: number | null;
  speedMps: number | null;
  state: string | null;
}
export interface ContainerEventRow {
  timeMs: number;
  eventId: string;
  code: string;
  classifier: string;
  containerNumber: string;
  callId: string | null;
  equipmentId: string | null;
}
export interface GateEventRow {
  timeMs: number;
  eventId: string;
  gateId: string;
  laneId: string;
  direction: 'in' | 'out';
  phase: string;
  visitId: string;
  truckId: string;
  containerNumber: string | null;
}
export interface InspectionEventRow {
  timeMs: number;
  eventId: string;
  laneId: string;
  containerNumber: string;
  method: string;
  phase: string;
  outcome: string | null;
}
export interface StorageFixture {
  positions: PositionRow[];
  containerEvents: ContainerEventRow[];
  gateEvents: GateEventRow[];
  inspectionEvents: InspectionEventRow[];
}

/** mulberry32: a tiny seeded generator, so every run and every engine sees the same rows. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(next: () => number, items: readonly T[]): T =>
  items[Math.floor(next() * items.length)]!;

/**
 * Rows in [fromMs, toMs): positions of a few entities at irregular 1-5 s steps (with ms
 * parts), and events at random instants with codes, phases and nulls that the rollups
 * must count or leave out. Ids mix case and hyphens, which locale collations sort unlike
 * "C", so an engine-dependent order shows. `tag` keeps event ids unique across batches.
 */
export function buildFixture(
  seed: number,
  fromMs: number,
  toMs: number,
  tag: string,
): StorageFixture {
  const next = random(seed);
  const instant = () => fromMs + Math.floor(next() * (toMs - fromMs));
  const box = () => containerNumber(Math.floor(next() * 1e6), pick(next, ['MSCU', 'CSQU', 'TGHU']));
  const fixture: StorageFixture = {
    positions: [],
    containerEvents: [],
    gateEvents: [],
    inspectionEvents: [],
  };
  for (const equipmentId of ['QC01', 'QC02', 'TT-001', 'TT001', 'TT002', 'rtg01']) {
    for (let timeMs = fromMs + Math.floor(next() * 1000); timeMs < toMs;) {
      fixture.positions.push({
        timeMs,
        equipmentId,
        lon: 122.03 + next() / 100,
        lat: 30.61 + next() / 100,
        headingDeg: Math.floor(next() * 360),
        speedMps: next() < 0.2 ? null : Math.round(next() * 80) / 10,
        state: pick(next, ['idle', 'travelling_empty', 'travelling_loaded', null]),
      });
      timeMs += 1000 + Math.floor(next() * 4000);
    }
  }
  for (let i = 0; i < 300; i += 1)
    fixture.containerEvents.push({
      timeMs: instant(),
      eventId: `${tag}-ce-${i}`,
      code: pick(next, ['DISC', 'DISC', 'LOAD', 'LOAD', 'GTIN', 'PICK']),
      classifier: next() < 0.85 ? 'ACT' : 'PLN',
      containerNumber: box(),
      callId: next() < 0.1 ? null : pick(next, ['CALL-A', 'CALL-B']),
      equipmentId: next() < 0.1 ? null : pick(next, ['QC01', 'QC02', 'QC03']),
    });
  for (let i = 0; i < 200; i += 1)
    fixture.gateEvents.push({
      timeMs: instant(),
      eventId: `${tag}-ge-${i}`,
      gateId: 'GATE-N',
      laneId: pick(next, ['GN-1', 'GN-2', 'GN-10']),
      direction: pick(next, ['in', 'out'] as const),
      phase: pick(next, ['arrived', 'started', 'completed', 'completed', 'rejected']),
      visitId: `${tag}-visit-${Math.floor(i / 3)}`,
      truckId: pick(next, ['TT001', 'TT002', 'TT003']),
      containerNumber: next() < 0.3 ? null : box(),
    });
  for (let i = 0; i < 150; i += 1) {
    const phase = pick(next, ['queued', 'started', 'completed', 'completed']);
    fixture.inspectionEvents.push({
      timeMs: instant(),
      eventId: `${tag}-ie-${i}`,
      laneId: pick(next, ['INSP-1', 'INSP-2']),
      containerNumber: box(),
      method: pick(next, ['scan', 'manual']),
      phase,
      outcome: phase === 'completed' ? pick(next, ['cleared', 'cleared', 'held']) : null,
    });
  }
  return fixture;
}

/** Several fixture batches as one, as the database holds them once all are loaded. */
export function mergeFixtures(...batches: StorageFixture[]): StorageFixture {
  return {
    positions: batches.flatMap((b) => b.positions),
    containerEvents: batches.flatMap((b) => b.containerEvents),
    gateEvents: batches.flatMap((b) => b.gateEvents),
    inspectionEvents: batches.flatMap((b) => b.inspectionEvents),
  };
}

/** `count` positions of 100 trucks at 1 Hz, GNSS-rounded, as a feed sends them. */
export function realisticPositions(count: number, fromMs: number): PositionRow[] {
  const next = random(7);
  const rows: PositionRow[] = [];
  const trucks = Array.from({ length: 100 }, (_, i) => ({
    id: `TT${String(i + 1).padStart(3, '0')}`,
    lon: 122.02 + next() / 50,
    lat: 30.6 + next() / 50,
    heading: next() * 2 * Math.PI,
    state: 'travelling_empty',
  }));
  for (let i = 0; rows.length < count; i += 1) {
    const truck = trucks[i % trucks.length]!;
    if (next() < 0.02) truck.heading += (next() - 0.5) * Math.PI;
    if (next() < 0.005) truck.state = pick(next, ['idle', 'travelling_empty', 'travelling_loaded']);
    const speed = truck.state === 'idle' ? 0 : 4 + next() * 3;
    truck.lon += (Math.sin(truck.heading) * speed) / 96_000;
    truck.lat += (Math.cos(truck.heading) * speed) / 111_000;
    rows.push({
      timeMs: fromMs + Math.floor(i / trucks.length) * 1000,
      equipmentId: truck.id,
      lon: Math.round(truck.lon * 1e7) / 1e7,
      lat: Math.round(truck.lat * 1e7) / 1e7,
      headingDeg: Math.round(((truck.heading * 180) / Math.PI + 360) % 360),
      speedMps: Math.round(speed * 10) / 10,
      state: truck.state,
    });
  }
  return rows;
}

const INSERTS = {
  positions: `INSERT INTO equipment_position (time, equipment_id, lon, lat, heading_deg, speed_mps, state)
    SELECT to_timestamp(t / 1000.0), id, lon, lat, h, s, st
    FROM unnest($1::float8[], $2::text[], $3::float8[], $4::float8[], $5::float8[], $6::float8[], $7::text[])
      AS u(t, id, lon, lat, h, s, st)`,
  containerEvents: `INSERT INTO container_event
      (time, event_id, event_type_code, classifier, container_number, call_id, equipment_id)
    SELECT to_timestamp(t / 1000.0), id, code, cl, box, call, eq
    FROM unnest($1::float8[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
      AS u(t, id, code, cl, box, call, eq)`,
  gateEvents: `INSERT INTO gate_event
      (time, event_id, gate_id, lane_id, direction, phase, visit_id, truck_id, container_number)
    SELECT to_timestamp(t / 1000.0), id, g, l, d, p, v, tr, box
    FROM unnest($1::float8[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
                $7::text[], $8::text[], $9::text[]) AS u(t, id, g, l, d, p, v, tr, box)`,
  inspectionEvents: `INSERT INTO inspection_event
      (time, event_id, lane_id, container_number, method, phase, outcome)
    SELECT to_timestamp(t / 1000.0), id, l, box, m, p, o
    FROM unnest($1::float8[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
      AS u(t, id, l, box, m, p, o)`,
};

/** The columns of each row, in the order of its INSERT's parameters. */
const columnsOf = <T>(rows: readonly T[], ...fields: (keyof T)[]) =>
  fields.map((field) => rows.map((row) => row[field]));

export async function loadFixture(db: Queryable, fixture: Partial<StorageFixture>): Promise<void> {
  const { positions = [], containerEvents = [], gateEvents = [], inspectionEvents = [] } = fixture;
  // Batches of 5,000 keep each statement's parameters small on every engine.
  for (let i = 0; i < positions.length; i += 5000) {
    const batch = positions.slice(i, i + 5000);
    await db.query(
      INSERTS.positions,
      columnsOf(batch, 'timeMs', 'equipmentId', 'lon', 'lat', 'headingDeg', 'speedMps', 'state'),
    );
  }
  if (containerEvents.length > 0)
    await db.query(
      INSERTS.containerEvents,
      columnsOf(
        containerEvents,
        'timeMs',
        'eventId',
        'code',
        'classifier',
        'containerNumber',
        'callId',
        'equipmentId',
      ),
    );
  if (gateEvents.length > 0)
    await db.query(
      INSERTS.gateEvents,
      columnsOf(
        gateEvents,
        'timeMs',
        'eventId',
        'gateId',
        'laneId',
        'direction',
        'phase',
        'visitId',
        'truckId',
        'containerNumber',
      ),
    );
  if (inspectionEvents.length > 0)
    await db.query(
      INSERTS.inspectionEvents,
      columnsOf(
        inspectionEvents,
        'timeMs',
        'eventId',
        'laneId',
        'containerNumber',
        'method',
        'phase',
        'outcome',
      ),
    );
}
