// AIS message payloads from raw field values, in the units the standard
// transmits (1/10000 minute, 0.1 knot, 0.1 degree...). Every field a caller leaves out is
// the field's "not available" code, so a bare builder call gives a message of n/a values.
import { BitWriter, deg } from './ais-encoder.ts';

export interface ClassAFields {
  type?: 1 | 2 | 3;
  repeat?: number;
  mmsi?: number;
  status?: number;
  rot?: number;
  sog?: number;
  accuracy?: boolean;
  lon?: number;
  lat?: number;
  cog?: number;
  heading?: number;
  second?: number;
  maneuver?: number;
  raim?: boolean;
  radio?: number;
}

export function classA(f: ClassAFields = {}): BitWriter {
  return new BitWriter()
    .uint(f.type ?? 1, 6)
    .uint(f.repeat ?? 0, 2)
    .uint(f.mmsi ?? 0, 30)
    .uint(f.status ?? 15, 4)
    .int(f.rot ?? -128, 8)
    .uint(f.sog ?? 1023, 10)
    .bool(f.accuracy ?? false)
    .int(f.lon ?? deg(181), 28)
    .int(f.lat ?? deg(91), 27)
    .uint(f.cog ?? 3600, 12)
    .uint(f.heading ?? 511, 9)
    .uint(f.second ?? 60, 6)
    .uint(f.maneuver ?? 0, 2)
    .uint(0, 3)
    .bool(f.raim ?? false)
    .uint(f.radio ?? 0, 19);
}

export interface BaseStationFields {
  type?: 4 | 11;
  mmsi?: number;
  year?: number;
  month?: number;
  day?: number;
  hour?: number;
  minute?: number;
  second?: number;
  accuracy?: boolean;
  lon?: number;
  lat?: number;
  epfd?: number;
  raim?: boolean;
}

export function baseStation(f: BaseStationFields = {}): BitWriter {
  return new BitWriter()
    .uint(f.type ?? 4, 6)
    .uint(0, 2)
    .uint(f.mmsi ?? 0, 30)
    .uint(f.year ?? 0, 14)
    .uint(f.month ?? 0, 4)
    .uint(f.day ?? 0, 5)
    .uint(f.hour ?? 24, 5)
    .uint(f.minute ?? 60, 6)
    .uint(f.second ?? 60, 6)
    .bool(f.accuracy ?? false)
    .int(f.lon ?? deg(181), 28)
    .int(f.lat ?? deg(91), 27)
    .uint(f.epfd ?? 0, 4)
    .uint(0, 10)
    .bool(f.raim ?? false)
    .uint(0, 19);
}

export interface Dims {
  bow?: number;
  stern?: number;
  port?: number;
  starboard?: number;
}

function dims(w: BitWriter, d: Dims): BitWriter {
  return w
    .uint(d.bow ?? 0, 9)
    .uint(d.stern ?? 0, 9)
    .uint(d.port ?? 0, 6)
    .uint(d.starboard ?? 0, 6);
}

export interface StaticVoyageFields extends Dims {
  mmsi?: number;
  aisVersion?: number;
  imo?: number;
  callSign?: string;
  name?: string;
  shipType?: number;
  epfd?: number;
  month?: number;
  day?: number;
  hour?: number;
  minute?: number;
  draught?: number;
  destination?: string;
  dte?: boolean;
  /** Cut the message to this many bits (420 and 422 occur in the wild). */
  bits?: number;
}

export function staticVoyage(f: StaticVoyageFields = {}): BitWriter {
  const w = new BitWriter()
    .uint(5, 6)
    .uint(0, 2)
    .uint(f.mmsi ?? 0, 30)
    .uint(f.aisVersion ?? 0, 2)
    .uint(f.imo ?? 0, 30)
    .text(f.callSign ?? '', 7)
    .text(f.name ?? '', 20)
    .uint(f.shipType ?? 0, 8);
  dims(w, f)
    .uint(f.epfd ?? 0, 4)
    .uint(f.month ?? 0, 4)
    .uint(f.day ?? 0, 5)
    .uint(f.hour ?? 24, 5)
    .uint(f.minute ?? 60, 6)
    .uint(f.draught ?? 0, 8)
    .text(f.destination ?? '', 20)
    .bool(f.dte ?? true)
    .uint(0, 1);
  return f.bits === undefined ? w : truncate(w, f.bits);
}

/** A writer holding only the first `bits` bits of `w`. */
export function truncate(w: BitWriter, bits: number): BitWriter {
  const { payload, fillBits } = w.armour();
  const all: number[] = [];
  for (const ch of payload) {
    const code = ch.charCodeAt(0);
    const v = code - 48 > 40 ? code - 56 : code - 48;
    for (let i = 5; i >= 0; i--) all.push((v >> i) & 1);
  }
  const out = new BitWriter();
  all.slice(0, Math.min(bits, all.length - fillBits)).forEach((b) => out.uint(b, 1));
  return out;
}

export interface ClassBFields {
  mmsi?: number;
  sog?: number;
  accuracy?: boolean;
  lon?: number;
  lat?: number;
  cog?: number;
  heading?: number;
  second?: number;
  cs?: boolean;
  display?: boolean;
  dsc?: boolean;
  band?: boolean;
  msg22?: boolean;
  assigned?: boolean;
  raim?: boolean;
}

function classBPosition(w: BitWriter, type: number, f: ClassBFields): BitWriter {
  return w
    .uint(type, 6)
    .uint(0, 2)
    .uint(f.mmsi ?? 0, 30)
    .uint(0, 8)
    .uint(f.sog ?? 1023, 10)
    .bool(f.accuracy ?? false)
    .int(f.lon ?? deg(181), 28)
    .int(f.lat ?? deg(91), 27)
    .uint(f.cog ?? 3600, 12)
    .uint(f.heading ?? 511, 9)
    .uint(f.second ?? 60, 6);
}

export function classB(f: ClassBFields = {}): BitWriter {
  return classBPosition(new BitWriter(), 18, f)
    .uint(0, 2)
    .bool(f.cs ?? true)
    .bool(f.display ?? false)
    .bool(f.dsc ?? false)
    .bool(f.band ?? false)
    .bool(f.msg22 ?? false)
    .bool(f.assigned ?? false)
    .bool(f.raim ?? false)
    .uint(0, 20);
}

export interface ExtendedClassBFields extends ClassBFields, Dims {
  name?: string;
  shipType?: number;
  epfd?: number;
  dte?: boolean;
}

export function extendedClassB(f: ExtendedClassBFields = {}): BitWriter {
  const w = classBPosition(new BitWriter(), 19, f)
    .uint(0, 4)
    .text(f.name ?? '', 20)
    .uint(f.shipType ?? 0, 8);
  return dims(w, f)
    .uint(f.epfd ?? 0, 4)
    .bool(f.raim ?? false)
    .bool(f.dte ?? true)
    .bool(f.assigned ?? false)
    .uint(0, 4);
}

export interface AidFields extends Dims {
  mmsi?: number;
  aidType?: number;
  name?: string;
  accuracy?: boolean;
  lon?: number;
  lat?: number;
  epfd?: number;
  second?: number;
  offPosition?: boolean;
  raim?: boolean;
  virtualAid?: boolean;
  assigned?: boolean;
  /** Name extension characters (after bit 272), padded with zero bits to a byte. */
  extension?: string;
}

export function aidToNavigation(f: AidFields = {}): BitWriter {
  const w = new BitWriter()
    .uint(21, 6)
    .uint(0, 2)
    .uint(f.mmsi ?? 0, 30)
    .uint(f.aidType ?? 0, 5)
    .text(f.name ?? '', 20)
    .bool(f.accuracy ?? false)
    .int(f.lon ?? deg(181), 28)
    .int(f.lat ?? deg(91), 27);
  dims(w, f)
    .uint(f.epfd ?? 0, 4)
    .uint(f.second ?? 60, 6)
    .bool(f.offPosition ?? false)
    .uint(0, 8)
    .bool(f.raim ?? false)
    .bool(f.virtualAid ?? false)
    .bool(f.assigned ?? false)
    .uint(0, 1);
  if (f.extension) {
    w.text(f.extension, f.extension.length);
    while (w.length % 8 !== 0) w.uint(0, 1);
  }
  return w;
}

export function static24A(mmsi: number, name: string, bits: 160 | 168 = 168): BitWriter {
  const w = new BitWriter().uint(24, 6).uint(0, 2).uint(mmsi, 30).uint(0, 2).text(name, 20);
  return bits === 168 ? w.uint(0, 8) : w;
}

export interface Static24BFields extends Dims {
  shipType?: number;
  vendorId?: string;
  model?: number;
  serial?: number;
  callSign?: string;
  mothership?: number;
}

export function static24B(mmsi: number, f: Static24BFields = {}): BitWriter {
  const w = new BitWriter()
    .uint(24, 6)
    .uint(0, 2)
    .uint(mmsi, 30)
    .uint(1, 2)
    .uint(f.shipType ?? 0, 8)
    .text(f.vendorId ?? '', 3)
    .uint(f.model ?? 0, 4)
    .uint(f.serial ?? 0, 20)
    .text(f.callSign ?? '', 7);
  if (f.mothership !== undefined) w.uint(f.mothership, 30);
  else dims(w, f);
  return w.uint(0, 6);
}

export interface LongRangeFields {
  mmsi?: number;
  accuracy?: boolean;
  raim?: boolean;
  status?: number;
  /** 1/10 minute. */
  lon?: number;
  lat?: number;
  sog?: number;
  cog?: number;
  gnss?: boolean;
}

export function longRange(f: LongRangeFields = {}): BitWriter {
  return new BitWriter()
    .uint(27, 6)
    .uint(0, 2)
    .uint(f.mmsi ?? 0, 30)
    .bool(f.accuracy ?? false)
    .bool(f.raim ?? false)
    .uint(f.status ?? 15, 4)
    .int(f.lon ?? 108_600, 18)
    .int(f.lat ?? 54_600, 17)
    .uint(f.sog ?? 63, 6)
    .uint(f.cog ?? 511, 9)
    .bool(!(f.gnss ?? true))
    .uint(0, 1);
}
