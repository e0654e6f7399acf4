// The vessel registry: what AIS static reports and port-call events say about each
// vessel. A report that lacks a field keeps what was known (COALESCE), so a class B
// part A (name only) does not erase the dimensions part B gave.
import type { StoredEvent } from '../../protocol/events.ts';
import type { VesselStatic, VesselSummary } from '../../protocol/vessel.ts';
import { isoTime, type Queryable } from './insert-rows.ts';

/** Port-call events that name a vessel by MMSI contribute to the registry. */
export function staticFromEvents(events: readonly StoredEvent[]): VesselStatic[] {
  return events.flatMap((e) =>
    e.type === 'port_call' && e.mmsi
      ? [
          {
            mmsi: e.mmsi,
            timeMs: e.timeMs,
            imo: e.vesselImo,
            ...(e.vesselName ? { name: e.vesselName } : {}),
          },
        ]
      : [],
  );
}

export async function upsertVesselStatic(
  db: Queryable,
  reports: readonly VesselStatic[],
): Promise<void> {
  // One row per vessel per statement (ON CONFLICT cannot touch a row twice); the newest wins.
  const newest = new Map<string, VesselStatic>();
  for (const r of [...reports].sort((a, b) => a.timeMs - b.timeMs)) {
    const known = newest.get(r.mmsi);
    newest.set(r.mmsi, known ? { ...known, ...definedOnly(r) } : r);
  }
  const rows = [...newest.values()].sort((a, b) => (a.mmsi < b.mmsi ? -1 : 1));
  if (rows.length === 0) return;
  const column = <K extends keyof VesselStatic>(key: K) => rows.map((r) => r[key] ?? null);
  await db.query(
    `INSERT INTO vessel AS v (mmsi, imo, name, call_sign, ship_type, to_bow_m, to_stern_m, to_port_m,
                              to_starboard_m, draught_m, destination, eta, updated_at)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int4[], $6::float8[],
                          $7::float8[], $8::float8[], $9::float8[], $10::float8[], $11::text[],
                          $12::timestamptz[], $13::timestamptz[])
     ON CONFLICT (mmsi) DO UPDATE SET
       imo = COALESCE(EXCLUDED.imo, v.imo), name = COALESCE(EXCLUDED.name, v.name),
       call_sign = COALESCE(EXCLUDED.call_sign, v.call_sign),
       ship_type = COALESCE(EXCLUDED.ship_type, v.ship_type),
       to_bow_m = COALESCE(EXCLUDED.to_bow_m, v.to_bow_m),
       to_stern_m = COALESCE(EXCLUDED.to_stern_m, v.to_stern_m),
       to_port_m = COALESCE(EXCLUDED.to_port_m, v.to_port_m),
       to_starboard_m = COALESCE(EXCLUDED.to_starboard_m, v.to_starboard_m),
       draught_m = COALESCE(EXCLUDED.draught_m, v.draught_m),
       destination = COALESCE(EXCLUDED.destination, v.destination),
       eta = COALESCE(EXCLUDED.eta, v.eta),
       updated_at = GREATEST(EXCLUDED.updated_at, v.updated_at)`,
    [
      column('mmsi'),
      column('imo'),
      column('name'),
      column('callSign'),
      column('shipType'),
      column('toBowM'),
      column('toSternM'),
      column('toPortM'),
      column('toStarboardM'),
      column('draughtM'),
      column('destination'),
      rows.map((r) => (r.etaMs === undefined ? null : isoTime(r.etaMs))),
      rows.map((r) => isoTime(r.timeMs)),
    ],
  );
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

interface VesselRow {
  mmsi: string;
  imo: string | null;
  name: string | null;
  call_sign: string | null;
  ship_type: number | null;
  to_bow_m: number | null;
  to_stern_m: number | null;
  to_port_m: number | null;
  to_starboard_m: number | null;
  draught_m: number | null;
  destination: string | null;
  eta: Date | null;
  lon: number | null;
  lat: number | null;
  sog_knots: number | null;
  cog_deg: number | null;
  heading_deg: number | null;
  nav_status: number | null;
  time: Date | null;
}

const sum = (a: number | null, b: number | null) => (a === null || b === null ? undefined : a + b);

export async function listVessels(db: Queryable): Promise<VesselSummary[]> {
  const { rows } = await db.query<VesselRow>(`
    SELECT v.*, p.lon, p.lat, p.sog_knots, p.cog_deg, p.heading_deg, p.nav_status, p.time
    FROM vessel v
    LEFT JOIN LATERAL (
      SELECT lon, lat, sog_knots, cog_deg, heading_deg, nav_status, time FROM vessel_position
      WHERE mmsi = v.mmsi ORDER BY time DESC LIMIT 1
    ) p ON true
    ORDER BY v.name NULLS LAST, v.mmsi`);
  return rows.map(
    (r) =>
      definedOnly({
        mmsi: r.mmsi,
        imo: r.imo ?? undefined,
        name: r.name ?? undefined,
        callSign: r.call_sign ?? undefined,
        shipType: r.ship_type ?? undefined,
        lengthM: sum(r.to_bow_m, r.to_stern_m),
        beamM: sum(r.to_port_m, r.to_starboard_m),
        toBowM: r.to_bow_m ?? undefined,
        toSternM: r.to_stern_m ?? undefined,
        toPortM: r.to_port_m ?? undefined,
        toStarboardM: r.to_starboard_m ?? undefined,
        draughtM: r.draught_m ?? undefined,
        destination: r.destination ?? undefined,
        eta: r.eta?.toISOString(),
        lastPosition:
          r.time === null || r.lon === null || r.lat === null
            ? undefined
            : definedOnly({
                lon: r.lon,
                lat: r.lat,
                sogKnots: r.sog_knots ?? undefined,
                cogDeg: r.cog_deg ?? undefined,
                headingDeg: r.heading_deg ?? undefined,
                navStatus: r.nav_status ?? undefined,
                time: r.time.toISOString(),
              }),
      }) as VesselSummary,
  );
}
