// AIS conformance: decode the third-party recordings in <realdata>/ais with Quayside's
// decoder and compare, field by field, with the golden decodes that come with them: gpsd's
// regression outputs (<log>.chk, JSON-AIS, unscaled or scaled per record's "scaled" flag)
// and libais's expected JSON. Every comparison counts; a disagreement is reported, never
// filtered. Files without goldens (DMA, pyais, libais test.aivdm) report decode counts and
// problems. Nothing is printed; the caller formats the report.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { AisStreamDecoder } from '../server/ais/index.ts';
import type { AisDecoderStats } from '../server/ais/index.ts';
import {
  agrees,
  COMPARATORS,
  SUPPORTED,
  type DecodedMessage as Decoded,
  type Json,
} from '../server/ais/conformance/json-ais-fields.ts';

export interface FieldDisagreement {
  /** Which message: type, MMSI and the last sentence (or line number). */
  message: string;
  field: string;
  ours: unknown;
  golden: unknown;
}

export interface GoldenReport {
  /** Input and golden file, relative to the realdata folder. */
  log: string;
  golden: string;
  /** How records were paired: by the sentence gpsd echoes before each, by order, by line. */
  pairing: 'echoed-sentence' | 'order' | 'line';
  sentences: number;
  messages: number;
  goldenRecords: number;
  /** gpsd repeats its last AIS report at each GPS cycle; those repeats are not compared. */
  goldenRepeats: number;
  /** Golden records of message types Quayside does not decode, by type (not compared). */
  goldenUnsupported: Record<string, number>;
  matched: number;
  /** Golden records of supported types we produced no message for (all fields count as wrong). */
  missing: number;
  /** Our messages with no golden record, by type (e.g. 24A: gpsd only reports 24 at part B). */
  oursOnly: Record<string, number>;
  comparedFields: number;
  agreeingFields: number;
  agreementPct: number;
  byField: Record<string, { compared: number; agreeing: number }>;
  /** The first disagreements, in file order. */
  disagreements: FieldDisagreement[];
  decoder: AisDecoderStats;
}

export interface SampleReport {
  file: string;
  decoder: AisDecoderStats;
  /** The last few problems the decoder kept (all are counted in decoder.problems). */
  recentProblems: { problem: string; detail: string; line: string }[];
}

export interface AisConformanceReport {
  realdataDir: string;
  gpsd: GoldenReport[];
  gpsdTotal: { comparedFields: number; agreeingFields: number; agreementPct: number };
  libais: GoldenReport[];
  samples: SampleReport[];
  /** How the comparison works, for whoever reads the figures. */
  method: string[];
}

const METHOD = [
  'Both sides are normalised to Quayside meanings (degrees, knots, metres; not-available codes as absent) and compared field by field; lon/lat within 1e-9 deg unscaled, half a printed digit scaled, float32 rounding for libais.',
  'gpsd daemon logs are paired by the sentence gpsd echoes before each report; its repeats of the last report at each GPS cycle are counted as goldenRepeats and not compared. gpsdecode and libais outputs are paired in order (type and MMSI) or by line.',
  'Golden records of message types Quayside does not decode are counted in goldenUnsupported, not compared. A golden record of a supported type with no decoded message counts as missing, every one of its fields as a disagreement.',
  'gpsd reports a type 24 only when a part B matches a part A still in its small queue, merged; Quayside emits both parts and merges per MMSI, so 24A (and unmatched 24B) messages appear in oursOnly, and the gpsd record is compared with the merged parts.',
];

const MAX_DISAGREEMENTS = 12;
const BASE_MS = Date.UTC(2020, 0, 1);

/** Decode a file line by line, noting which line completed each message. */
function decodeLines(text: string): {
  decoded: Decoded[];
  byLine: Decoded[][];
  stats: AisDecoderStats;
  decoder: AisStreamDecoder;
} {
  const decoder = new AisStreamDecoder({ keepProblems: 8 });
  const decoded: Decoded[] = [];
  const byLine = text.split(/\r\n|\n|\r/).map((line, i) => {
    const out = decoder.feed(line, BASE_MS + i).map((message) => {
      const merged = message.type === 24 ? decoder.classBStatic(message.mmsi) : undefined;
      return merged ? { message, merged, line: i + 1 } : { message, line: i + 1 };
    });
    decoded.push(...out);
    return out;
  });
  return { decoded, byLine, stats: decoder.stats(), decoder };
}

/** Accumulates comparisons for one golden file. */
class Tally {
  readonly report: GoldenReport;
  constructor(
    log: string,
    golden: string,
    pairing: GoldenReport['pairing'],
    stats: AisDecoderStats,
    messages: number,
    /** libais writes float32 values: allow for their rounding. */
    private readonly float32 = false,
  ) {
    this.report = {
      log,
      golden,
      pairing,
      sentences: stats.sentences,
      messages,
      goldenRecords: 0,
      goldenRepeats: 0,
      goldenUnsupported: {},
      matched: 0,
      missing: 0,
      oursOnly: {},
      comparedFields: 0,
      agreeingFields: 0,
      agreementPct: 0,
      byField: {},
      disagreements: [],
      decoder: stats,
    };
  }

  /** Returns false when the golden record's type is not one we decode (counted, not compared). */
  counts(g: Json): boolean {
    this.report.goldenRecords++;
    const type = Number(g.type);
    if (SUPPORTED.has(type)) return true;
    this.report.goldenUnsupported[type] = (this.report.goldenUnsupported[type] ?? 0) + 1;
    return false;
  }

  compare(g: Json, d: Decoded | undefined, label: string, withIdentity: boolean): void {
    const r = this.report;
    if (d) r.matched++;
    else r.missing++;
    const checks: [string, unknown, unknown, number | undefined][] = [];
    if (withIdentity && d)
      checks.push(['type', d.message.type, g.type, 0], ['mmsi', Number(d.message.mmsi), g.mmsi, 0]);
    for (const c of COMPARATORS) {
      if (!c.types.includes(Number(g.type)) || !(c.key in g)) continue;
      const tolerance = typeof c.tolerance === 'function' ? c.tolerance(g) : c.tolerance;
      checks.push([c.name, d ? c.ours(d) : '(no message)', c.golden(g), tolerance]);
    }
    for (const [name, ours, golden, tolerance] of checks) {
      const stat = (r.byField[name] ??= { compared: 0, agreeing: 0 });
      stat.compared++;
      r.comparedFields++;
      if (agrees(ours, golden, tolerance, this.float32)) {
        stat.agreeing++;
        r.agreeingFields++;
      } else if (r.disagreements.length < MAX_DISAGREEMENTS) {
        r.disagreements.push({ message: label, field: name, ours, golden });
      }
    }
  }

  oursOnly(d: Decoded): void {
    const key = d.message.type === 24 ? `24${d.message.part}` : String(d.message.type);
    this.report.oursOnly[key] = (this.report.oursOnly[key] ?? 0) + 1;
  }

  done(): GoldenReport {
    const r = this.report;
    r.agreementPct =
      r.comparedFields === 0 ? 0 : Math.round((10000 * r.agreeingFields) / r.comparedFields) / 100;
    return r;
  }
}

const labelOf = (g: Json, where: string) =>
  `type ${String(g.type)} mmsi ${String(g.mmsi)} (${where})`;
const isAisJson = (line: string) => line.startsWith('{') && line.includes('"class":"AIS"');

/** gpsd daemon output: each report follows the sentence(s) it came from, echoed. */
function compareEchoed(log: string, golden: string, text: string, chk: string): GoldenReport {
  const { decoded, stats } = decodeLines(text);
  const byLastSentence = new Map<string, Decoded[]>();
  for (const d of decoded) {
    const key = d.message.raw[d.message.raw.length - 1] ?? '';
    byLastSentence.set(key, [...(byLastSentence.get(key) ?? []), d]);
  }
  const tally = new Tally(log, golden, 'echoed-sentence', stats, decoded.length);
  const used = new Set<Decoded>();
  let echo: string | undefined;
  let lastReport: string | undefined;
  for (const raw of chk.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith('!') || line.startsWith('\\')) echo = line;
    if (!isAisJson(line)) continue;
    const g = JSON.parse(line) as Json;
    const d = echo === undefined ? undefined : byLastSentence.get(echo)?.find((x) => !used.has(x));
    const sameVessel =
      d !== undefined && d.message.type === g.type && Number(d.message.mmsi) === g.mmsi;
    // A repeat has no new echo, or (after a sentence gpsd did not report) repeats the last report.
    if (echo === undefined || (line === lastReport && !sameVessel)) {
      tally.report.goldenRepeats++;
      continue;
    }
    const sentence = echo;
    echo = undefined;
    lastReport = line;
    if (!tally.counts(g)) continue;
    if (d) used.add(d);
    tally.compare(g, d, labelOf(g, sentence), true);
  }
  for (const d of decoded) if (!used.has(d)) tally.oursOnly(d);
  return tally.done();
}

/** gpsdecode or libais output: one record per decoded message, in order. */
function compareInOrder(
  log: string,
  golden: string,
  text: string,
  records: Json[],
  float32 = false,
): GoldenReport {
  const { decoded, stats } = decodeLines(text);
  const tally = new Tally(log, golden, 'order', stats, decoded.length, float32);
  let next = 0;
  for (const g of records) {
    if (!tally.counts(g)) continue;
    const fits = (d: Decoded) =>
      d.message.type === g.type &&
      Number(d.message.mmsi) === g.mmsi &&
      (d.message.type !== 24 || d.message.part === 'B' || g.part_num === 0);
    let j = next;
    while (j < decoded.length && j < next + 30 && !fits(decoded[j] as Decoded)) j++;
    const d = j < decoded.length && j < next + 30 ? decoded[j] : undefined;
    if (d) {
      for (let k = next; k < j; k++) tally.oursOnly(decoded[k] as Decoded);
      next = j + 1;
    }
    tally.compare(g, d, labelOf(g, d ? `line ${d.line}` : 'not decoded'), false);
  }
  for (let k = next; k < decoded.length; k++) tally.oursOnly(decoded[k] as Decoded);
  return tally.done();
}

/** libais typeexamples: the n-th JSON line is the decode of the n-th sentence line. */
function compareByLine(log: string, golden: string, text: string, records: Json[]): GoldenReport {
  const { byLine, decoded, stats } = decodeLines(text.replace(/\s+$/, ''));
  const tally = new Tally(log, golden, 'line', stats, decoded.length, true);
  records.forEach((g, i) => {
    const ours = byLine[i] ?? [];
    ours.slice(1).forEach((d) => tally.oursOnly(d));
    if (!tally.counts(g)) {
      ours.slice(0, 1).forEach((d) => tally.oursOnly(d));
      return;
    }
    tally.compare(g, ours[0], labelOf(g, `line ${i + 1}`), true);
  });
  return tally.done();
}

const jsonLines = (text: string): Json[] =>
  text
    .split(/\r?\n/)
    .filter((l) => l.trim().startsWith('{'))
    .map((l) => JSON.parse(l) as Json);

export async function runAisConformance(realdataDir: string): Promise<AisConformanceReport> {
  const ais = join(realdataDir, 'ais');
  const read = (rel: string) => readFile(join(ais, rel), 'utf8');
  const gpsdFiles = (await readdir(join(ais, 'gpsd')).catch(() => [] as string[])).sort();
  const gpsd: GoldenReport[] = [];
  for (const f of gpsdFiles.filter(
    (name) => name.endsWith('.log') && gpsdFiles.includes(`${name}.chk`),
  )) {
    gpsd.push(
      compareEchoed(
        `gpsd/${f}`,
        `gpsd/${f}.chk`,
        await read(`gpsd/${f}`),
        await read(`gpsd/${f}.chk`),
      ),
    );
  }
  for (const chk of ['sample.aivdm.ju.chk', 'sample.aivdm.js.chk'].filter((c) =>
    gpsdFiles.includes(c),
  )) {
    gpsd.push(
      compareInOrder(
        'gpsd/sample.aivdm',
        `gpsd/${chk}`,
        await read('gpsd/sample.aivdm'),
        jsonLines(await read(`gpsd/${chk}`)).filter((g) => g.class === 'AIS'),
      ),
    );
  }
  const compared = gpsd.reduce((n, r) => n + r.comparedFields, 0);
  const agreeing = gpsd.reduce((n, r) => n + r.agreeingFields, 0);

  const libais: GoldenReport[] = [];
  const libaisFiles = await readdir(join(ais, 'libais')).catch(() => [] as string[]);
  if (libaisFiles.includes('typeexamples.json')) {
    libais.push(
      compareByLine(
        'libais/typeexamples.nmea',
        'libais/typeexamples.json',
        await read('libais/typeexamples.nmea'),
        jsonLines(await read('libais/typeexamples.json')),
      ),
    );
  }
  if (libaisFiles.includes('tagblock.json')) {
    libais.push(
      compareInOrder(
        'libais/tagblock.nmea',
        'libais/tagblock.json',
        await read('libais/tagblock.nmea'),
        jsonLines(await read('libais/tagblock.json')),
        true,
      ),
    );
  }

  const samples: SampleReport[] = [];
  const withGolden = new Set(['typeexamples.nmea', 'tagblock.nmea']);
  for (const dir of ['libais', 'dma_aislib', 'pyais']) {
    const files = await readdir(join(ais, dir)).catch(() => [] as string[]);
    for (const f of files.sort()) {
      if (/^(LICENSE|COPYING)|\.(json|md)$/.test(f) || withGolden.has(f)) continue;
      const { stats, decoder } = decodeLines(await read(`${dir}/${f}`));
      const problems = decoder
        .recentProblems()
        .map(({ problem, detail, line }) => ({ problem, detail, line }));
      samples.push({ file: `${dir}/${f}`, decoder: stats, recentProblems: problems });
    }
  }
  return {
    realdataDir,
    gpsd,
    gpsdTotal: {
      comparedFields: compared,
      agreeingFields: agreeing,
      agreementPct: compared === 0 ? 0 : Math.round((10000 * agreeing) / compared) / 100,
    },
    libais,
    samples,
    method: METHOD,
  };
}
