// How an AIS replay paces its sends: by the receiver times the log's tag blocks carry.

/** Receiver time of a line from its NMEA 4.0 tag block (c: in seconds or ms), if any. */
export function lineTimeMs(line: string): number | undefined {
  const match = /^\\[^\\]*\bc:(\d{9,13})/.exec(line);
  if (!match) return undefined;
  const value = Number(match[1]);
  return value < 1e11 ? value * 1000 : value;
}

/** Groups lines into sends: consecutive lines sharing a receiver time (or none) go together. */
export function pace(lines: readonly string[]): { atMs: number | undefined; lines: string[] }[] {
  const groups: { atMs: number | undefined; lines: string[] }[] = [];
  for (const line of lines) {
    if (line.trim() === '') continue;
    const at = lineTimeMs(line);
    const last = groups.at(-1);
    if (last && (at === undefined || at === last.atMs) && last.lines.length < 500)
      last.lines.push(line);
    else groups.push({ atMs: at ?? last?.atMs, lines: [line] });
  }
  return groups;
}
