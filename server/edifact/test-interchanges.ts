// Builders for the interchanges the EDIFACT tests use. Every interchange in the tests is
// written here or in the tests themselves, from the UN/EDIFACT syntax rules and the SMDG
// message structures; none is taken from a recorded file.

/** Valid ISO 6346 numbers (check digits computed) and invalid ones. */
export const BOX = {
  a: 'TGHU1234567',
  b: 'MSKU7654328',
  c: 'CMAU1002002',
  d: 'OOLU8881117',
  e: 'TCNU5550005',
  f: 'HLXU3004001',
} as const;
/** MSKU765432's check digit is 8. */
export const BAD_BOX = 'MSKU7654321';
/** Valid IMO numbers, and one with a wrong check digit (9074729 is valid). */
export const IMO = '9074729';
export const IMO_2 = '9321483';
export const BAD_IMO = '9074721';

export const PORT = 'CNSHA';
export const ZONE = 'Asia/Shanghai';
/** 2026-12-01T12:00:00Z: after every actual time the tests use. */
export const NOW = Date.UTC(2026, 11, 1, 12, 0);
export const OPTIONS = { portLocode: PORT, timeZone: ZONE, nowMs: NOW };

/** UNH .. UNT around body segments (written without terminators), with the right count. */
export function message(
  reference: string,
  type: string,
  body: string[],
  version = 'D:95B:UN:SMDG20',
): string[] {
  return [`UNH+${reference}+${type}:${version}`, ...body, `UNT+${body.length + 2}+${reference}`];
}

export interface InterchangeOptions {
  reference?: string;
  sender?: string;
  una?: boolean;
  /** What goes between segments: '' (one line), '\n', '\r\n'. */
  newline?: string;
  syntax?: string;
}

/** UNB .. UNZ around messages, default separators, `'` after every segment. */
export function interchange(messages: string[][], options: InterchangeOptions = {}): string {
  const { reference = 'IC0001', sender = 'TERMINALX', una = false, newline = '\n' } = options;
  const segments = [
    `UNB+${options.syntax ?? 'UNOC'}:3+${sender}:ZZZ+QUAYSIDE:ZZZ+261201:1200+${reference}`,
    ...messages.flat(),
    `UNZ+${messages.length}+${reference}`,
  ];
  return (una ? "UNA:+.? '" : '') + segments.map((s) => `${s}'`).join(newline);
}

export interface Move {
  box: string;
  /** DTM value, format 203 unless `format` says; '' for no DTM. */
  time?: string;
  format?: string;
  sizeType?: string;
  status?: string;
  fullEmpty?: string;
  extra?: string[];
}

function equipment(move: Move, timeQualifier: string): string[] {
  const lines = [
    `EQD+CN+${move.box}+${move.sizeType ?? '45G1'}:102:5++${move.status ?? '3'}+${move.fullEmpty ?? '5'}`,
  ];
  if (move.time !== '')
    lines.push(`DTM+${timeQualifier}:${move.time ?? '202612010815'}:${move.format ?? '203'}`);
  lines.push(...(move.extra ?? []));
  return lines;
}

export interface VoyageOptions {
  voyage?: string;
  /** C222 as written after +++ in TDT+20, e.g. 9074729:146::EVER TEST or 3EXA7:103::NAME. */
  vessel?: string;
  /** LOC+11 / LOC+9 in the header: port[:139:6][+berth:BER:ZZZ], or null for none. */
  portLoc?: string | null;
  bgm?: string;
}

/** A COARRI body: discharge (BGM 44) or load (BGM 46) of the moves. */
export function coarri(
  direction: 'discharge' | 'load',
  moves: Move[],
  options: VoyageOptions = {},
) {
  const code = direction === 'discharge' ? '44' : '46';
  const qualifier = direction === 'discharge' ? '11' : '9';
  const portLoc = options.portLoc === undefined ? `${PORT}:139:6` : options.portLoc;
  return [
    options.bgm ?? `BGM+${code}+DOC${code}01+9`,
    `TDT+20+${options.voyage ?? '101W'}+1++EGL:172:20+++${options.vessel ?? `${IMO}:146::EVER TEST`}`,
    ...(portLoc === null ? [] : [`LOC+${qualifier}+${portLoc}`]),
    'NAD+CF+EGL:160:20',
    ...moves.flatMap((m) => [
      ...equipment(m, '203'),
      'LOC+147+0120382::5',
      'MEA+AAE+VGM+KGM:24000',
    ]),
    `CNT+16:${moves.length}`,
  ];
}

/** A CODECO body: gate-in (BGM 34) or gate-out (BGM 36), each move by truck. */
export function codeco(
  direction: 'in' | 'out',
  moves: (Move & { truck?: string })[],
  bgm?: string,
) {
  return [
    bgm ?? `BGM+${direction === 'in' ? '34' : '36'}+GATE01+9`,
    'NAD+MS+TERMINALX',
    ...moves.flatMap((m) => [
      ...equipment({ status: '2', ...m }, '7'),
      'SEL+ABC123+CA',
      ...(m.truck ? [`TDT+1++3+31++++${m.truck}:146`] : []),
    ]),
    `CNT+16:${moves.length}`,
  ];
}

export interface Cell {
  box: string;
  cell?: string;
  pol: string;
  pod: string;
  fullEmpty?: string;
}

/** A BAPLIE body (SMDG 2.x layout: LOC+147 cell, then LOC+9/11, then EQD). */
export function baplie(cells: Cell[], options: VoyageOptions & { dates?: string[] } = {}) {
  return [
    options.bgm ?? 'BGM++PLAN001+9',
    'DTM+137:202611301200:203',
    `TDT+20+${options.voyage ?? '101W'}+++EGL:172:20+++${options.vessel ?? `${IMO}:146::EVER TEST`}`,
    'LOC+5+KRPUS:139:6',
    'LOC+61+CNSHA:139:6',
    ...(options.dates ?? ['DTM+132:202612030600:203']),
    ...cells.flatMap((c) => [
      `LOC+147+${c.cell ?? '0120382'}::5`,
      'MEA+WT++KGM:22000',
      `LOC+9+${c.pol}:139:6`,
      `LOC+11+${c.pod}:139:6`,
      'RFF+BM:1',
      `EQD+CN+${c.box}+45G1+++${c.fullEmpty ?? '5'}`,
      'NAD+CA+EGL:172:20',
    ]),
  ];
}
