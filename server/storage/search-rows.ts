// Finding things by what a duty manager types: a container number (whole or its first
// characters), a vessel's name, IMO or MMSI, or an equipment id. Each hit says where it
// is, so the map can fly there: a vessel's or a machine's last fix, a box's last place.
import type { SearchHit } from '../../protocol/history.ts';
import type { PlaceCentres } from '../port-model/place-centres.ts';
import { PRESENCE_CODES, DEPARTURE_CODES } from './container-history.ts';
import type { Queryable } from './insert-rows.ts';

export const SEARCH_LIMIT = 20;
/** Boxes looked at for one prefix, before those in the terminal are put first. */
const CONTAINER_CANDIDATES = 200;
const CONTAINER_NUMBER_LENGTH = 11;

/** What one query can mean; each kind of thing is searched only where it can match. */
export interface SearchTerms {
  /** Upper case, spaces removed, shaped like the start of an ISO 6346 number (4+ chars). */
  containerPrefix?: string;
  mmsi?: string;
  imo?: string;
  /** A part of a vessel's name, as typed (matched without regard to case). */
  namePart?: string;
  equipmentPrefix?: string;
}

export function searchTerms(query: string): SearchTerms {
  const typed = query.trim();
  const compact = typed.toUpperCase().replace(/\s+/g, '');
  const imo = /^(?:IMO)?(\d{7})$/.exec(compact)?.[1];
  return {
    ...(/^[A-Z]{3}[UJZR]\d{0,7}$/.test(compact) ? { containerPrefix: compact } : {}),
    ...(/^\d{9}$/.test(compact) ? { mmsi: compact } : {}),
    ...(imo ? { imo } : {}),
    ...(/^\d+$/.test(compact) ? {} : { namePart: typed }),
    ...(/^[A-Z0-9][A-Z0-9._:-]*$/.test(compact) ? { equipmentPrefix: compact } : {}),
  };
}

const likeEscaped = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function search(
  db: Queryable,
  query: string,
  centres: PlaceCentres,
): Promise<SearchHit[]> {
  const terms = searchTerms(query);
  const [containers, vessels, equipment] = await Promise.all([
    terms.containerPrefix ? searchContainers(db, terms.containerPrefix, centres) : [],
    terms.mmsi || terms.imo || terms.namePart ? searchVessels(db, terms) : [],
    terms.equipmentPrefix ? searchEquipment(db, terms.equipmentPrefix) : [],
  ]);
  return [...containers, ...vessels, ...equipment].slice(0, SEARCH_LIMIT);
}

interface ContainerRow {
  container_number: string;
  last_move: string | null;
  facility_id: string | null;
  last_seen_ms: number;
}

async function searchContainers(
  db: Queryable,
  prefix: string,
  centres: PlaceCentres,
): Promise<SearchHit[]> {
  // Numbers are upper-case letters and digits only, so every number starting with the
  // prefix sorts between it and the prefix padded with Z: a range scan of the index.
  // A recursive skip scan then takes each distinct number once, however many events
  // it has.
  const last = prefix.padEnd(CONTAINER_NUMBER_LENGTH, 'Z');
  const { rows } = await db.query<ContainerRow>(
    `WITH RECURSIVE boxes (n, k) AS (
       (SELECT container_number, 1 FROM container_event
        WHERE container_number >= $1 AND container_number <= $2
        ORDER BY container_number LIMIT 1)
       UNION ALL
       SELECT (SELECT container_number FROM container_event
               WHERE container_number > b.n AND container_number <= $2
               ORDER BY container_number LIMIT 1), b.k + 1
       FROM boxes b WHERE b.n IS NOT NULL AND b.k < $3
     )
     SELECT b.n AS container_number, m.event_type_code AS last_move, f.facility_id,
            extract(epoch FROM s.time)::float8 * 1000 AS last_seen_ms
     FROM boxes b
     CROSS JOIN LATERAL (
       SELECT time FROM container_event WHERE container_number = b.n
       ORDER BY time DESC LIMIT 1) s
     LEFT JOIN LATERAL (
       SELECT event_type_code FROM container_event
       WHERE container_number = b.n AND classifier = 'ACT' AND event_type_code = ANY($4)
       ORDER BY time DESC LIMIT 1) m ON true
     LEFT JOIN LATERAL (
       SELECT facility_id FROM container_event
       WHERE container_number = b.n AND classifier = 'ACT' AND facility_id IS NOT NULL
       ORDER BY time DESC LIMIT 1) f ON true
     WHERE b.n IS NOT NULL`,
    [prefix, last, CONTAINER_CANDIDATES, [...PRESENCE_CODES, ...DEPARTURE_CODES]],
  );
  const hits = rows.map((r) => {
    const position = r.facility_id === null ? undefined : centres.get(r.facility_id);
    return {
      hit: {
        kind: 'container',
        id: r.container_number,
        label: r.container_number,
        ...(r.facility_id === null ? {} : { detail: r.facility_id }),
        ...(position ? { position } : {}),
        inTerminal: r.last_move !== null && PRESENCE_CODES.includes(r.last_move),
      } satisfies SearchHit,
      lastSeenMs: r.last_seen_ms,
    };
  });
  // In the terminal first, then the most recently seen.
  return hits
    .sort(
      (a, b) =>
        Number(b.hit.inTerminal) - Number(a.hit.inTerminal) ||
        b.lastSeenMs - a.lastSeenMs ||
        a.hit.id.localeCompare(b.hit.id),
    )
    .slice(0, SEARCH_LIMIT)
    .map((h) => h.hit);
}

interface VesselRow {
  mmsi: string | null;
  imo: string | null;
  name: string | null;
  lon: number | null;
  lat: number | null;
}

async function searchVessels(db: Queryable, terms: SearchTerms): Promise<SearchHit[]> {
  const params = [
    terms.mmsi ?? null,
    terms.imo ?? null,
    terms.namePart === undefined ? null : `%${likeEscaped(terms.namePart)}%`,
    SEARCH_LIMIT,
  ];
  // The registry, and the vessels only port-call events name (by IMO, without an MMSI
  // the registry could be keyed by).
  const { rows } = await db.query<VesselRow>(
    `(SELECT v.mmsi, v.imo, v.name, p.lon, p.lat
      FROM vessel v
      LEFT JOIN LATERAL (
        SELECT lon, lat FROM vessel_position WHERE mmsi = v.mmsi ORDER BY time DESC LIMIT 1
      ) p ON true
      WHERE v.mmsi = $1 OR v.imo = $2 OR v.name ILIKE $3
      ORDER BY v.name NULLS LAST, v.mmsi LIMIT $4)
     UNION ALL
     (SELECT (array_agg(e.mmsi ORDER BY e.time DESC) FILTER (WHERE e.mmsi IS NOT NULL))[1],
             e.vessel_imo,
             (array_agg(e.vessel_name ORDER BY e.time DESC)
                FILTER (WHERE e.vessel_name IS NOT NULL))[1],
             NULL::float8, NULL::float8
      FROM port_call_event e
      WHERE (e.mmsi = $1 OR e.vessel_imo = $2 OR e.vessel_name ILIKE $3)
        AND NOT EXISTS (SELECT 1 FROM vessel v WHERE v.imo = e.vessel_imo OR v.mmsi = e.mmsi)
      GROUP BY e.vessel_imo ORDER BY 3 NULLS LAST, 2 LIMIT $4)`,
    params,
  );
  return rows.map((r) => {
    const detail = [r.imo && `IMO ${r.imo}`, r.mmsi && `MMSI ${r.mmsi}`].filter(Boolean);
    const id = r.mmsi ?? r.imo ?? '';
    return {
      kind: 'vessel',
      id,
      label: r.name ?? id,
      ...(detail.length > 0 ? { detail: detail.join(' · ') } : {}),
      ...(r.lon === null || r.lat === null ? {} : { position: [r.lon, r.lat] }),
    };
  });
}

interface EquipmentRow {
  id: string;
  kind: string;
  lon: number | null;
  lat: number | null;
}

async function searchEquipment(db: Queryable, prefix: string): Promise<SearchHit[]> {
  const { rows } = await db.query<EquipmentRow>(
    `SELECT e.id, e.kind, p.lon, p.lat
     FROM equipment e
     LEFT JOIN LATERAL (
       SELECT lon, lat FROM equipment_position WHERE equipment_id = e.id
       ORDER BY time DESC LIMIT 1
     ) p ON true
     WHERE upper(e.id) LIKE $1 ORDER BY e.id LIMIT $2`,
    [`${likeEscaped(prefix)}%`, SEARCH_LIMIT],
  );
  return rows.map((r) => ({
    kind: 'equipment',
    id: r.id,
    label: r.id,
    detail: r.kind,
    ...(r.lon === null || r.lat === null ? {} : { position: [r.lon, r.lat] }),
  }));
}
