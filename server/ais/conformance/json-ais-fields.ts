// Field-by-field comparison of Quayside's decoded AIS messages with JSON-AIS golden
// records: gpsd's (unscaled, or scaled when a record says "scaled":true) and libais's
// (scaled, float32). Both sides are brought to Quayside's meaning first: units of degrees
// and knots, and "not available" codes (181, 91, 1023, 3600, 511, -128, 60, 0...) as
// undefined, so a gpsd 181 and our undefined agree while any other difference counts.
// Used by conformance/ais-conformance.ts; not part of the decoder.
import type { AisMessage, ClassBStatic } from '../types.ts';

export type Json = Record<string, unknown>;

/** One message we decoded, with what the comparisons need besides the message. */
export interface DecodedMessage {
  message: AisMessage;
  /** For type 24: the merged parts right after this one arrived. */
  merged?: ClassBStatic;
  /** The input line that completed it, 1-based. */
  line: number;
}

export const num = (v: unknown): number | undefined =>
  typeof v === 'number'
    ? v
    : typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v))
      ? Number(v)
      : undefined;
const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v.length > 0 ? v : undefined;
const within = (v: number | undefined, limit: number) =>
  v !== undefined && Math.abs(v) <= limit ? v : undefined;
const pad = (v: number | undefined) => (v === undefined ? '--' : String(v).padStart(2, '0'));

function goldenDegrees(g: Json, key: 'lon' | 'lat'): number | undefined {
  const v = num(g[key]);
  if (v === undefined) return undefined;
  const deg = g.scaled === true ? v : v / (g.type === 27 ? 600 : 600_000);
  return within(deg, key === 'lon' ? 180 : 90);
}

function goldenSpeed(g: Json): number | undefined {
  const v = num(g.speed);
  if (g.type === 27) return v === 63 ? undefined : v;
  if (v === undefined) return g.speed === 'fast' ? 102.2 : undefined;
  return g.scaled === true ? v : v === 1023 ? undefined : v / 10;
}

function goldenCourse(g: Json): number | undefined {
  const v = num(g.course);
  if (v === undefined) return undefined;
  const deg = g.type === 27 || g.scaled === true ? v : v / 10;
  return deg >= 360 ? undefined : deg;
}

/** Rate of turn as 'n/a', 'fastright', 'fastleft' or degrees per minute. */
function goldenTurn(g: Json): string | number {
  const v = g.turn;
  if (v === null || v === 'n/a' || v === 'nan') return 'n/a';
  if (v === 'fastright' || v === 'fastleft') return v;
  const n = num(v) ?? NaN;
  if (g.scaled === true) return n;
  if (n === -128) return 'n/a';
  if (Math.abs(n) === 127) return n > 0 ? 'fastright' : 'fastleft';
  return Math.sign(n) * (n / 4.733) ** 2;
}

function oursTurn(m: AisMessage): string | number | undefined {
  if (!('rotRaw' in m)) return undefined;
  if (m.turningFast) return m.turningFast === 'right' ? 'fastright' : 'fastleft';
  return m.rotDegPerMin ?? 'n/a';
}

function goldenDims(g: Json, key: string): number | undefined {
  const all = ['to_bow', 'to_stern', 'to_port', 'to_starboard'].map((k) => num(g[k]) ?? 0);
  return all.every((v) => v === 0) ? undefined : num(g[key]);
}

/** "MM-DDThh:mmZ" (gpsd ETA) or "YYYY-MM-DDThh:mm:ssZ" (type 4) with n/a parts as '--'. */
function goldenClock(v: unknown, withYear: boolean): string | undefined {
  const parts = typeof v === 'string' ? v.match(/\d+/g)?.map(Number) : undefined;
  if (!parts) return undefined;
  const [y, mo, d, h, mi, s] = withYear ? parts : [0, ...parts];
  const valid = (x: number | undefined, lo: number, hi: number) =>
    x !== undefined && x >= lo && x <= hi ? x : undefined;
  const date = `${pad(valid(mo, 1, 12))}-${pad(valid(d, 1, 31))} ${pad(valid(h, 0, 23))}:${pad(valid(mi, 0, 59))}`;
  return withYear ? `${valid(y, 1, 9999) ?? '----'}-${date}:${pad(valid(s, 0, 59))}` : date;
}

function oursClock(m: AisMessage): string | undefined {
  if (m.type === 5) {
    const e = m.eta ?? {};
    return `${pad(e.month)}-${pad(e.day)} ${pad(e.hour)}:${pad(e.minute)}`;
  }
  if (m.type !== 4 && m.type !== 11) return undefined;
  const u = m.utc;
  return `${u.year ?? '----'}-${pad(u.month)}-${pad(u.day)} ${pad(u.hour)}:${pad(u.minute)}:${pad(u.second)}`;
}

const has = <K extends string>(m: AisMessage, key: K): m is AisMessage & Record<K, unknown> =>
  key in m;
const field = (m: AisMessage, key: string): unknown => (has(m, key) ? m[key] : undefined);

export interface Comparator {
  name: string;
  types: readonly number[];
  /** The golden key whose presence makes the comparison apply. */
  key: string;
  golden: (g: Json) => unknown;
  ours: (d: DecodedMessage) => unknown;
  /** Numbers agree within this (a function when it depends on the record's format). */
  tolerance?: number | ((g: Json) => number);
}

/**
 * Unscaled degrees are exact integers on both sides; gpsd's scaled output prints 7
 * decimals (4 for type 27's 1/10-minute positions), so half a last digit.
 */
function degreeTolerance(g: Json): number {
  if (g.scaled !== true) return 1e-9;
  return g.type === 27 ? 5e-5 : 5e-8;
}

const POSITION_TYPES = [1, 2, 3, 4, 11, 18, 19, 21, 27];
const MOVING = [1, 2, 3, 18, 19, 27];
const CLASS_A = [1, 2, 3];
const NAMED = [5, 19, 21, 24];
const DIMENSIONED = [5, 19, 21, 24];
const merged24 = (d: DecodedMessage, k: keyof ClassBStatic) =>
  d.message.type === 24 && d.merged ? d.merged[k] : field(d.message, k);

export const COMPARATORS: Comparator[] = [
  {
    name: 'lon',
    types: POSITION_TYPES,
    key: 'lon',
    golden: (g) => goldenDegrees(g, 'lon'),
    ours: (d) => field(d.message, 'lon'),
    tolerance: degreeTolerance,
  },
  {
    name: 'lat',
    types: POSITION_TYPES,
    key: 'lat',
    golden: (g) => goldenDegrees(g, 'lat'),
    ours: (d) => field(d.message, 'lat'),
    tolerance: degreeTolerance,
  },
  {
    name: 'sogKnots',
    types: MOVING,
    key: 'speed',
    golden: goldenSpeed,
    ours: (d) => field(d.message, 'sogKnots'),
    tolerance: 1e-6,
  },
  {
    name: 'cogDeg',
    types: MOVING,
    key: 'course',
    golden: goldenCourse,
    ours: (d) => field(d.message, 'cogDeg'),
    tolerance: 1e-6,
  },
  {
    name: 'headingDeg',
    types: [1, 2, 3, 18, 19],
    key: 'heading',
    golden: (g) => {
      const v = num(g.heading);
      return v !== undefined && v < 360 ? v : undefined;
    },
    ours: (d) => field(d.message, 'headingDeg'),
  },
  {
    name: 'navStatus',
    types: [...CLASS_A, 27],
    key: 'status',
    golden: (g) => num(g.status),
    ours: (d) => field(d.message, 'navStatus'),
  },
  {
    name: 'rot',
    types: CLASS_A,
    key: 'turn',
    golden: goldenTurn,
    ours: (d) => oursTurn(d.message),
    tolerance: 0.005,
  },
  {
    name: 'second',
    types: [1, 2, 3, 18, 19, 21],
    key: 'second',
    golden: (g) => {
      const v = num(g.second);
      return v !== undefined && v < 60 ? v : undefined;
    },
    ours: (d) => field(d.message, 'second'),
  },
  {
    name: 'utc',
    types: [4, 11],
    key: 'timestamp',
    golden: (g) => goldenClock(g.timestamp, true),
    ours: (d) => oursClock(d.message),
  },
  {
    name: 'imo',
    types: [5],
    key: 'imo',
    golden: (g) => {
      const v = num(g.imo);
      return v === 0 ? undefined : v;
    },
    ours: (d) => field(d.message, 'imo'),
  },
  {
    name: 'callSign',
    types: [5, 24],
    key: 'callsign',
    golden: (g) => str(g.callsign),
    ours: (d) => merged24(d, 'callSign'),
  },
  {
    name: 'name',
    types: NAMED,
    key: 'shipname',
    golden: (g) => str(g.shipname),
    ours: (d) => merged24(d, 'name'),
  },
  {
    name: 'name',
    types: [21],
    key: 'name',
    golden: (g) => str(g.name),
    ours: (d) => field(d.message, 'name'),
  },
  {
    name: 'shipType',
    types: [5, 19, 24],
    key: 'shiptype',
    golden: (g) => {
      const v = num(g.shiptype);
      return v === 0 || (v ?? 0) > 99 ? undefined : v;
    },
    ours: (d) => merged24(d, 'shipType'),
  },
  ...(['to_bow', 'to_stern', 'to_port', 'to_starboard'] as const).map((k, i): Comparator => {
    const ours = (['toBowM', 'toSternM', 'toPortM', 'toStarboardM'] as const)[i] ?? 'toBowM';
    return {
      name: ours,
      types: DIMENSIONED,
      key: k,
      golden: (g) => goldenDims(g, k),
      ours: (d) => merged24(d, ours),
    };
  }),
  {
    name: 'mothershipMmsi',
    types: [24],
    key: 'mothership_mmsi',
    golden: (g) => num(g.mothership_mmsi) || undefined,
    ours: (d) => {
      const v = merged24(d, 'mothershipMmsi');
      return v === undefined ? undefined : Number(v);
    },
  },
  {
    name: 'draughtM',
    types: [5],
    key: 'draught',
    golden: (g) => {
      const v = num(g.draught);
      return !v ? undefined : g.scaled === true ? v : v / 10;
    },
    ours: (d) => field(d.message, 'draughtM'),
    tolerance: 1e-6,
  },
  {
    name: 'destination',
    types: [5],
    key: 'destination',
    golden: (g) => str(g.destination),
    ours: (d) => field(d.message, 'destination'),
  },
  {
    name: 'eta',
    types: [5],
    key: 'eta',
    golden: (g) => goldenClock(g.eta, false),
    ours: (d) => oursClock(d.message),
  },
  {
    name: 'aidType',
    types: [21],
    key: 'aid_type',
    golden: (g) => num(g.aid_type) || undefined,
    ours: (d) => field(d.message, 'aidType'),
  },
  {
    name: 'virtualAid',
    types: [21],
    key: 'virtual_aid',
    golden: (g) => g.virtual_aid,
    ours: (d) => field(d.message, 'virtualAid'),
  },
  {
    name: 'offPosition',
    types: [21],
    key: 'off_position',
    golden: (g) => ((num(g.second) ?? 60) < 60 ? g.off_position : undefined),
    ours: (d) => field(d.message, 'offPosition'),
  },
  {
    name: 'receivedAtMs',
    types: [1, 5],
    key: 'tagblock_timestamp',
    golden: (g) => Date.parse(String(g.tagblock_timestamp)),
    ours: (d) => d.message.receivedAtMs,
  },
  {
    name: 'source',
    types: [1, 5],
    key: 'tagblock_station',
    golden: (g) => g.tagblock_station,
    ours: (d) => d.message.source,
  },
];

/** Message types the decoder supports (golden records of others are not compared). */
export const SUPPORTED = new Set([1, 2, 3, 4, 5, 11, 18, 19, 21, 24, 27]);

/**
 * Whether two normalised values agree: numbers within `tolerance`, and for libais's
 * float32 numbers within the float32 rounding of the golden value as well.
 */
export function agrees(ours: unknown, golden: unknown, tolerance = 0, float32 = false): boolean {
  if (typeof ours === 'number' && typeof golden === 'number') {
    const slack = tolerance + (float32 ? Math.abs(golden) * 2 ** -23 : 0) + 1e-12;
    return Math.abs(ours - golden) <= slack;
  }
  return ours === golden;
}
