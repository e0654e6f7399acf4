// The shapes the AIS decoder produces. Field meanings and bit layouts follow the public
// AIVDM/AIVDO description (E. S. Raymond, gpsd www/AIVDM.adoc, itself from ITU-R M.1371
// and the IALA clarifications). A value the message marks "not available" is `undefined`,
// never a number: longitude 181, latitude 91, heading 511, SOG 1023, COG 3600, ROT -128,
// second 60-63, ETA month 0 / day 0 / hour 24 / minute 60, draught 0, all dimensions 0.

/** Where a message's `receivedAtMs` came from, best first. */
export type TimeSource =
  | 'tag-block' // NMEA 4.0 tag block c: (seconds or milliseconds, told apart by magnitude)
  | 'prefix' // a timestamp the receiver wrote before the sentence
  | 'suffix' // the trailing unix time some receivers (USCG style) append after the checksum
  | 'pghp' // the $PGHP sentence a receiver wrote just before it
  | 'receive'; // the time the caller gave when feeding the line

/** What every decoded message carries, whatever its type. */
export interface AisMessageBase {
  /** AIS message type (first 6 bits of the payload). */
  type: number;
  /** Repeat indicator 0-3 (3 = do not repeat). */
  repeat: number;
  /** The transmitting station, as 9 digits with leading zeros (e.g. base station 002393200). */
  mmsi: string;
  /** When the receiver got it, epoch milliseconds (see `timeSource`). */
  receivedAtMs: number;
  timeSource: TimeSource;
  /** The receiving station, from the tag block s: field, when there is one. */
  source?: string;
  /** Radio channel as written: 'A', 'B', '1', '2', or '' when empty. */
  channel: string;
  /** NMEA talker, e.g. 'AI', 'AB', 'BS'. */
  talker: string;
  /** True for !xxVDO (own ship), false for !xxVDM (other ships). */
  ownShip: boolean;
  /** Payload length in bits after fill bits are removed. */
  bitLength: number;
  /** The line(s) the message came from, as fed (one per fragment). */
  raw: string[];
}

/** Navigational status 0-15 (0 under way using engine, 1 at anchor, 5 moored, 15 not defined). */
export type NavStatus = number;

/** Types 1, 2, 3: position report, class A. */
export interface PositionReportClassA extends AisMessageBase {
  type: 1 | 2 | 3;
  navStatus: NavStatus;
  /** Rate of turn, degrees per minute, positive = to starboard; (raw / 4.733)^2 with sign. */
  rotDegPerMin?: number;
  /** ROT ±127: turning faster than 5°/30 s with no turn indicator, so no value in degrees. */
  turningFast?: 'right' | 'left';
  /** The ROT field as transmitted, -128..127 (-128 = not available). */
  rotRaw: number;
  /** Speed over ground, knots, 0.1 kn resolution; 102.2 means 102.2 kn or more. */
  sogKnots?: number;
  /** Position accuracy flag: true = DGPS quality (< 10 m). */
  positionAccuracy: boolean;
  /** Degrees, WGS84, east positive. */
  lon?: number;
  /** Degrees, WGS84, north positive. */
  lat?: number;
  /** Course over ground, degrees true, 0.1° resolution, [0, 360). */
  cogDeg?: number;
  /** True heading, whole degrees, [0, 360). */
  headingDeg?: number;
  /** UTC second of the position fix, 0-59. */
  second?: number;
  /** Why `second` is missing: 60 not available, 61 manual input, 62 dead reckoning, 63 inoperative. */
  secondStatus?: 'not-available' | 'manual' | 'estimated' | 'inoperative';
  /** Maneuver indicator: 1 no special maneuver, 2 special maneuver (0 = n/a -> undefined). */
  maneuver?: number;
  raim: boolean;
  /** Radio status (19 bits, SOTDMA/ITDMA state), when the payload has all of it. */
  radio?: number;
}

/** Type 4: base station report (type 11, the UTC/date response, shares the layout). */
export interface BaseStationReport extends AisMessageBase {
  type: 4 | 11;
  /** The station's UTC clock; each part undefined when not available. */
  utc: {
    year?: number;
    month?: number;
    day?: number;
    hour?: number;
    minute?: number;
    second?: number;
  };
  /** The same as epoch milliseconds, when every part is available and forms a real date. */
  utcMs?: number;
  positionAccuracy: boolean;
  lon?: number;
  lat?: number;
  /** Position fixing device (1 GPS, 2 GLONASS, ..., 7 surveyed, 8 Galileo); 0 and 15 -> undefined. */
  epfd?: number;
  raim: boolean;
  radio?: number;
}

/** Distances from the position reference point, metres. Undefined when all four are 0. */
export interface Dimensions {
  toBowM?: number;
  toSternM?: number;
  toPortM?: number;
  toStarboardM?: number;
}

/** ETA as transmitted: no year, each part undefined when not available. */
export interface AisEta {
  month?: number;
  day?: number;
  hour?: number;
  minute?: number;
}

/** Type 5: static and voyage related data (class A). */
export interface StaticVoyageData extends AisMessageBase, Dimensions {
  type: 5;
  /** 0 = ITU-R M.1371-1; 1-3 later editions. */
  aisVersion: number;
  /** IMO ship number; 0 -> undefined. Not checked for a valid check digit here. */
  imo?: number;
  callSign?: string;
  name?: string;
  /** Ship and cargo type 1-99; 0 (n/a) and the unused values above 99 -> undefined. */
  shipType?: number;
  epfd?: number;
  /** ETA month/day/hour/minute; undefined when all four are not available. */
  eta?: AisEta;
  /** Maximum present static draught, metres, 0.1 m resolution (25.5 = 25.5 m or more). */
  draughtM?: number;
  destination?: string;
  /** DTE flag: true = data terminal ready. Undefined when the payload is too short for it. */
  dteReady?: boolean;
}

/** Type 18: standard class B position report. */
export interface PositionReportClassB extends AisMessageBase {
  type: 18;
  sogKnots?: number;
  positionAccuracy: boolean;
  lon?: number;
  lat?: number;
  cogDeg?: number;
  headingDeg?: number;
  second?: number;
  secondStatus?: PositionReportClassA['secondStatus'];
  /** True for a carrier-sense (CS) unit, false for a SOTDMA unit. */
  csUnit: boolean;
  hasDisplay: boolean;
  hasDsc: boolean;
  /** Can use the whole marine band. */
  wholeBand: boolean;
  /** Accepts channel assignment by message 22. */
  acceptsMessage22: boolean;
  assignedMode: boolean;
  raim: boolean;
  radio?: number;
}

/** Type 19: extended class B position report (position plus name, type and dimensions). */
export interface ExtendedPositionReportClassB extends AisMessageBase, Dimensions {
  type: 19;
  sogKnots?: number;
  positionAccuracy: boolean;
  lon?: number;
  lat?: number;
  cogDeg?: number;
  headingDeg?: number;
  second?: number;
  secondStatus?: PositionReportClassA['secondStatus'];
  name?: string;
  shipType?: number;
  epfd?: number;
  raim: boolean;
  dteReady: boolean;
  assignedMode: boolean;
}

/** Type 21: aid-to-navigation report. */
export interface AidToNavigationReport extends AisMessageBase, Dimensions {
  type: 21;
  /** Aid type 1-31 (1-15 fixed, 16-31 floating); 0 (not specified) -> undefined. */
  aidType?: number;
  /** Name, with the name extension appended when the 20-character field is full. */
  name?: string;
  positionAccuracy: boolean;
  lon?: number;
  lat?: number;
  epfd?: number;
  second?: number;
  secondStatus?: PositionReportClassA['secondStatus'];
  /** Floating aids only; undefined when `second` is not 0-59 (the spec makes it invalid then). */
  offPosition?: boolean;
  raim: boolean;
  /** True = virtual aid (no physical aid at the position). */
  virtualAid: boolean;
  assignedMode: boolean;
}

/** Type 24 part A: the name of a class B vessel. */
export interface StaticDataReportA extends AisMessageBase {
  type: 24;
  part: 'A';
  name?: string;
}

/** Type 24 part B: ship type, vendor, call sign, and dimensions or mothership. */
export interface StaticDataReportB extends AisMessageBase, Dimensions {
  type: 24;
  part: 'B';
  shipType?: number;
  /** Manufacturer id, 3 characters (ITU-R M.1371-4 layout). */
  vendorId?: string;
  unitModel: number;
  serialNumber: number;
  callSign?: string;
  /** For auxiliary craft (MMSI 98xxxxxxx) the 30 bits name the mother ship instead of dimensions. */
  mothershipMmsi?: string;
}

/** Type 27: long-range position report (satellite reception). */
export interface LongRangePositionReport extends AisMessageBase {
  type: 27;
  positionAccuracy: boolean;
  raim: boolean;
  navStatus: NavStatus;
  /** Degrees, 1/10 minute resolution. */
  lon?: number;
  lat?: number;
  /** Whole knots 0-62. */
  sogKnots?: number;
  /** Whole degrees 0-359. */
  cogDeg?: number;
  /** True when the position is a current GNSS fix. */
  gnssPosition: boolean;
}

export type AisMessage =
  | PositionReportClassA
  | BaseStationReport
  | StaticVoyageData
  | PositionReportClassB
  | ExtendedPositionReportClassB
  | AidToNavigationReport
  | StaticDataReportA
  | StaticDataReportB
  | LongRangePositionReport;

/** Message types this library decodes. Others are counted as unsupported. */
export const SUPPORTED_TYPES: readonly number[] = [1, 2, 3, 4, 5, 11, 18, 19, 21, 24, 27];

/** Class B static data from type 24 parts A and B merged per MMSI. */
export interface ClassBStatic extends Dimensions {
  mmsi: string;
  name?: string;
  shipType?: number;
  vendorId?: string;
  callSign?: string;
  mothershipMmsi?: string;
  /** When each part was last received (epoch ms), if it was. */
  partAAtMs?: number;
  partBAtMs?: number;
}

/** Why a line or message was not decoded; the keys of `AisDecoderStats.problems`. */
export type AisProblem =
  | 'bad-checksum'
  | 'no-checksum'
  | 'bad-fields'
  | 'bad-fragment'
  | 'bad-payload-character'
  | 'bad-fill-bits'
  | 'empty-payload'
  | 'bad-length'
  | 'bad-part-number'
  | 'bad-tag-block'
  | 'tag-block-bad-checksum'
  | 'fragment-out-of-order'
  | 'fragment-superseded'
  | 'fragment-expired'
  | 'fragment-evicted'
  | 'line-too-long';

/** Counters a stream decoder keeps (a snapshot; see AisStreamDecoder.stats()). */
export interface AisDecoderStats {
  /** Non-empty lines fed. */
  lines: number;
  /** Lines that are not AIS: comments, other NMEA sentences ($GPRMC, $PGHP...), text. */
  ignoredLines: number;
  /** Lines recognised as AIS sentences (!xxVDM / !xxVDO), good or bad. */
  sentences: number;
  /** Sentences whose checksum did not match (not decoded). */
  badChecksum: number;
  /** Sentences that could not be used: missing checksum, wrong fields, bad payload, bad length. */
  malformed: number;
  /** Tag blocks whose checksum failed or that could not be parsed (their fields are ignored). */
  badTagBlocks: number;
  /** Fragments waiting for the rest of their message right now. */
  fragmentsPending: number;
  /** Fragments thrown away: out of order, superseded, expired or evicted. */
  fragmentsDropped: number;
  /** Messages decoded, in all and by message type. */
  messages: number;
  messagesByType: Record<number, number>;
  /** Complete messages of a type this library does not decode, by type. */
  unsupportedByType: Record<number, number>;
  /** Every problem by kind (a line may count under one kind only). */
  problems: Partial<Record<AisProblem, number>>;
}

/** A problem kept for operators to look at (the decoder keeps the last few). */
export interface AisProblemReport {
  problem: AisProblem;
  detail: string;
  line: string;
  receivedAtMs: number;
}
