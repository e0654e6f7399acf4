// EDIFACT conformance: runs Quayside's interpreter over every real third-party file under
// <realdata>/edifact (recursively) and reports, per file, what it found, honestly: nothing
// is filtered to look good. The files are read in place and never copied.
//
// Per file: messages and their types, segments, the containers the mappers met, the
// EQD+CN segments counted independently (a splitter of its own, not the tokenizer), events
// mapped, messages mapped and rejected, the invalid container numbers called out, those
// expected invalid (from <realdata>/identifiers/derived/container_numbers_from_edifact.csv
// where it lists the file, else recomputed with ISO 6346 from the independent count),
// syntax errors, and every error and warning.
//
// Which port is "ours" for a file: the first UN/LOCODE of the first message's header LOC
// segments (before the first EQD or LOC+147), by qualifier preference 61 (next port of
// call), 5 (departure), 11 (discharge), 9 (loading), 165, 88, then any; none: XXXXX. Its
// time zone comes from <realdata>/identifiers/sea-ports_ports.json, else UTC. Both are
// reported with the file.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { containerNumberProblem } from '../protocol/identifiers.ts';
import { parseInterchange } from '../server/edifact/interchange.ts';
import { interpretInterchange } from '../server/edifact/interpret.ts';
import { el } from '../server/edifact/segment-access.ts';
import type { EdifactError } from '../server/edifact/types.ts';

export interface EdifactFileReport {
  /** Path under the edifact folder, with / separators. */
  file: string;
  bytes: number;
  encoding: 'utf-8' | 'latin-1';
  portLocode: string;
  /** How the port was chosen, e.g. "LOC+61 of message 495", or "none found". */
  portSource: string;
  timeZone: string;
  messages: number;
  messageTypes: string[];
  segments: number;
  /** Containers (EQD+CN numbers) the mappers met, valid or not. */
  containersFound: number;
  /** EQD+CN segments counted independently of the interpreter. */
  containersCounted: number;
  containerCountsMatch: boolean;
  eventsMapped: number;
  messagesMapped: number;
  messagesRejected: number;
  /** Container numbers the interpretation called out as invalid, distinct, sorted. */
  invalidContainersReported: string[];
  /** Container numbers expected invalid, distinct, sorted, and where that comes from. */
  invalidContainersExpected: string[];
  expectedFrom: 'container_numbers_from_edifact.csv' | 'recomputed (ISO 6346)';
  /** Expected invalid but not called out (should be empty). */
  invalidContainersMissed: string[];
  /** Interchange and message syntax errors (UNB/UNZ, UNT count and reference, tags ...). */
  syntaxErrors: EdifactError[];
  /** Every error of the interpretation (syntax and content). */
  errors: EdifactError[];
  warnings: number;
}

export interface EdifactConformanceReport {
  edifactDir: string;
  /** Files not read as EDIFACT (licences, notes), with why. */
  skipped: { file: string; reason: string }[];
  files: EdifactFileReport[];
  totals: {
    files: number;
    messages: number;
    containersFound: number;
    containersCounted: number;
    eventsMapped: number;
    invalidContainersReported: number;
    invalidContainersMissed: number;
    filesWithSyntaxErrors: number;
  };
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await listFiles(path)));
    else if (entry.isFile()) files.push(path);
  }
  return files;
}

function decode(bytes: Buffer): { text: string; encoding: 'utf-8' | 'latin-1' } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: bytes.toString('latin1'), encoding: 'latin-1' };
  }
}

/**
 * The EQD+CN container numbers of a text, found without the interpreter: a splitter of
 * its own that honours UNA and the release character.
 */
export function countContainerSegments(text: string): string[] {
  const body = text.replace(/^[\s\uFEFF]+/, '');
  const una = body.startsWith('UNA') ? body.slice(3, 9) : ":+.? '";
  const [component, element, , release, , terminator] = [...una];
  const numbers: string[] = [];
  let segment = '';
  const flush = () => {
    const fields = segment.replace(/[\r\n]/g, '').trimStart();
    const parts = fields.split(`\u0000${element}`);
    if (parts[0] === 'EQD' && parts[1] === 'CN')
      numbers.push((parts[2] ?? '').split(`\u0000${component}`)[0]!);
    segment = '';
  };
  for (let i = body.startsWith('UNA') ? 9 : 0; i < body.length; i += 1) {
    const ch = body[i]!;
    if (release !== ' ' && ch === release) {
      segment += body[i + 1] ?? '';
      i += 1;
    } else if (ch === terminator) flush();
    else segment += ch === element || ch === component ? `\u0000${ch}` : ch;
  }
  if (segment.trim()) flush();
  return numbers;
}

/** container_numbers_from_edifact.csv: invalid numbers by source file (edifact/…). */
async function readExpectedInvalid(realdataDir: string): Promise<Map<string, Set<string>> | null> {
  const path = join(realdataDir, 'identifiers', 'derived', 'container_numbers_from_edifact.csv');
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return null;
  }
  const byFile = new Map<string, Set<string>>();
  const [head, ...rows] = text.trim().split(/\r?\n/);
  const columns = head!.split(',');
  const number = columns.indexOf('container_number');
  const valid = columns.indexOf('iso6346_checkdigit_valid');
  const sources = columns.indexOf('source_files');
  for (const row of rows) {
    const cells = row.split(',');
    for (const source of (cells[sources] ?? '').split(/[;|]/).map((s) => s.trim())) {
      if (!source) continue;
      const set = byFile.get(source) ?? new Set<string>();
      if (cells[valid]?.toLowerCase() === 'false') set.add(cells[number]!);
      byFile.set(source, set);
    }
  }
  return byFile;
}

async function readTimeZones(realdataDir: string): Promise<Map<string, string>> {
  const zones = new Map<string, string>();
  try {
    const ports = JSON.parse(
      await readFile(join(realdataDir, 'identifiers', 'sea-ports_ports.json'), 'utf8'),
    ) as Record<string, { timezone?: string; unlocs?: string[] }>;
    for (const [code, port] of Object.entries(ports)) {
      if (!port.timezone) continue;
      for (const locode of [code, ...(port.unlocs ?? [])])
        if (!zones.has(locode)) zones.set(locode, port.timezone);
    }
  } catch {
    // No port table: every file runs in UTC, as reported.
  }
  return zones;
}

const PORT_QUALIFIERS = ['61', '5', '11', '9', '165', '88'];

function choosePort(text: string): { portLocode: string; portSource: string } {
  const [first] = parseInterchange(text).messages;
  if (!first) return { portLocode: 'XXXXX', portSource: 'none found (no message)' };
  const end = first.segments.findIndex(
    (s) => s.tag === 'EQD' || (s.tag === 'LOC' && el(s, 0, 0) === '147'),
  );
  const header = first.segments
    .slice(0, end < 0 ? undefined : end)
    .filter((s) => s.tag === 'LOC' && /^[A-Z]{2}[A-Z2-9]{3}$/.test(el(s, 1, 0)));
  const rank = (q: string) => (PORT_QUALIFIERS.includes(q) ? PORT_QUALIFIERS.indexOf(q) : 99);
  const best = [...header].sort((a, b) => rank(el(a, 0, 0)) - rank(el(b, 0, 0)))[0];
  if (!best) return { portLocode: 'XXXXX', portSource: 'none found' };
  return {
    portLocode: el(best, 1, 0),
    portSource: `LOC+${el(best, 0, 0)} of message ${first.reference}`,
  };
}

const INVALID_CONTAINER = /^invalid container number (\S+):/;

async function reportFile(
  path: string,
  edifactDir: string,
  realdataDir: string,
  expected: Map<string, Set<string>> | null,
  zones: Map<string, string>,
  nowMs: number,
): Promise<EdifactFileReport> {
  const bytes = await readFile(path);
  const { text, encoding } = decode(bytes);
  const file = relative(edifactDir, path).split(sep).join('/');
  const { portLocode, portSource } = choosePort(text);
  const timeZone = zones.get(portLocode) ?? 'UTC';
  const result = interpretInterchange(text, { portLocode, timeZone, nowMs });
  const structure = parseInterchange(text);
  const counted = countContainerSegments(text);
  const errors = [...result.interchangeErrors, ...result.results.flatMap((r) => r.errors)];
  const reported = new Set(errors.flatMap((e) => INVALID_CONTAINER.exec(e.reason)?.[1] ?? []));
  const csvKey = relative(realdataDir, path).split(sep).join('/');
  const listed = expected?.get(csvKey);
  const expectedInvalid = listed ?? new Set(counted.filter((n) => containerNumberProblem(n)));
  const found = result.results.reduce((n, r) => n + r.containers.length, 0);
  return {
    file,
    bytes: bytes.length,
    encoding,
    portLocode,
    portSource,
    timeZone,
    messages: result.messages,
    messageTypes: result.results.map((r) => r.type),
    segments: structure.segmentCount,
    containersFound: found,
    containersCounted: counted.length,
    containerCountsMatch: found === counted.length,
    eventsMapped: result.results.reduce((n, r) => n + r.events.length, 0),
    messagesMapped: result.results.filter((r) => r.errors.length === 0).length,
    messagesRejected: result.results.filter((r) => r.errors.length > 0).length,
    invalidContainersReported: [...reported].sort(),
    invalidContainersExpected: [...expectedInvalid].sort(),
    expectedFrom: listed ? 'container_numbers_from_edifact.csv' : 'recomputed (ISO 6346)',
    invalidContainersMissed: [...expectedInvalid].filter((n) => !reported.has(n)).sort(),
    syntaxErrors: [...structure.errors, ...structure.messages.flatMap((m) => m.errors)],
    errors,
    warnings: result.results.reduce((n, r) => n + r.warnings.length, 0),
  };
}

/** Runs the interpreter over every EDIFACT file under <realdataDir>/edifact. */
export async function runEdifactConformance(
  realdataDir: string,
  nowMs: number = Date.now(),
): Promise<EdifactConformanceReport> {
  const edifactDir = join(realdataDir, 'edifact');
  if (!(await stat(edifactDir)).isDirectory()) throw new Error(`${edifactDir} is not a folder`);
  const expected = await readExpectedInvalid(realdataDir);
  const zones = await readTimeZones(realdataDir);
  const skipped: EdifactConformanceReport['skipped'] = [];
  const files: EdifactFileReport[] = [];
  for (const path of await listFiles(edifactDir)) {
    const head = decode(await readFile(path))
      .text.replace(/^[\s\uFEFF]+/, '')
      .slice(0, 3);
    const file = relative(edifactDir, path).split(sep).join('/');
    if (!['UNA', 'UNB', 'UNH'].includes(head)) {
      skipped.push({ file, reason: 'not EDIFACT: does not start with UNA, UNB or UNH' });
      continue;
    }
    files.push(await reportFile(path, edifactDir, realdataDir, expected, zones, nowMs));
  }
  const sum = (pick: (f: EdifactFileReport) => number) => files.reduce((n, f) => n + pick(f), 0);
  return {
    edifactDir,
    skipped,
    files,
    totals: {
      files: files.length,
      messages: sum((f) => f.messages),
      containersFound: sum((f) => f.containersFound),
      containersCounted: sum((f) => f.containersCounted),
      eventsMapped: sum((f) => f.eventsMapped),
      invalidContainersReported: sum((f) => f.invalidContainersReported.length),
      invalidContainersMissed: sum((f) => f.invalidContainersMissed.length),
      filesWithSyntaxErrors: files.filter((f) => f.syntaxErrors.length > 0).length,
    },
  };
}

/** A plain-text table of the report, for a command that prints it. */
export function formatEdifactConformance(report: EdifactConformanceReport): string {
  const lines = [
    'file | types | msgs | containers found/counted | events | rejected | invalid reported (missed) | syntax errors',
  ];
  for (const f of report.files)
    lines.push(
      [
        f.file,
        [...new Set(f.messageTypes)].join(',') || '-',
        f.messages,
        `${f.containersFound}/${f.containersCounted}${f.containerCountsMatch ? '' : ' MISMATCH'}`,
        f.eventsMapped,
        f.messagesRejected,
        `${f.invalidContainersReported.join(' ') || '-'}${f.invalidContainersMissed.length ? ` (missed ${f.invalidContainersMissed.join(' ')})` : ''}`,
        f.syntaxErrors.map((e) => e.reason).join('; ') || '-',
      ].join(' | '),
    );
  const t = report.totals;
  lines.push(
    `${t.files} files, ${t.messages} messages, containers ${t.containersFound}/${t.containersCounted}, ${t.eventsMapped} events, ${t.invalidContainersReported} invalid container numbers reported, ${t.invalidContainersMissed} missed, ${t.filesWithSyntaxErrors} files with syntax errors`,
  );
  return lines.join('\n');
}
