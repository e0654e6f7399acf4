// The rollups of db/rollups.ts computed in TypeScript from the fixture rows: an oracle
// that shares no SQL with either path, so "all engines agree" cannot mean "all equally wrong".
import type { RollupWindow } from '../../db/rollups.ts';
import type { StorageFixture } from './storage-fixture.ts';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

type Key = (string | null)[];

/** ORDER BY bucket, then each key under COLLATE "C" with NULLS LAST, as the SQL sorts. */
function compareKeys(a: Key, b: Key): number {
  for (let i = 0; i < a.length; i += 1) {
    const [x, y] = [a[i] ?? null, b[i] ?? null];
    if (x === y) continue;
    if (x === null) return 1;
    if (y === null) return -1;
    return x < y ? -1 : 1;
  }
  return 0;
}

/** Groups rows by (bucket, key) over every bucket the window touches; one output per group. */
function rollUp<T extends { timeMs: number }, Out>(
  rows: readonly T[],
  widthMs: number,
  { fromMs, toMs }: RollupWindow,
  keyOf: (row: T) => Key,
  summarize: (bucketMs: number, key: Key, group: T[]) => Out,
): Out[] {
  if (toMs <= fromMs) return [];
  const firstBucket = Math.floor(fromMs / widthMs) * widthMs;
  const groups = new Map<string, { bucketMs: number; key: Key; rows: T[] }>();
  for (const row of rows) {
    const bucketMs = Math.floor(row.timeMs / widthMs) * widthMs;
    if (bucketMs < firstBucket || bucketMs >= toMs) continue;
    const key = keyOf(row);
    const id = JSON.stringify([bucketMs, key]);
    const group = groups.get(id) ?? { bucketMs, key, rows: [] };
    group.rows.push(row);
    groups.set(id, group);
  }
  return [...groups.values()]
    .sort((a, b) => a.bucketMs - b.bucketMs || compareKeys(a.key, b.key))
    .map((group) => summarize(group.bucketMs, group.key, group.rows));
}

const count = <T>(rows: T[], test: (row: T) => boolean) => rows.filter(test).length;

export function expectedRollups(fixture: StorageFixture, window: RollupWindow) {
  const moves = fixture.containerEvents.filter(
    (e) => (e.code === 'DISC' || e.code === 'LOAD') && e.classifier === 'ACT' && e.equipmentId,
  );
  const completedGates = fixture.gateEvents.filter((e) => e.phase === 'completed');
  const completedInspections = fixture.inspectionEvents.filter((e) => e.phase === 'completed');
  return {
    craneMoves: rollUp(
      moves,
      MINUTE,
      window,
      (e) => [e.equipmentId, e.callId],
      (bucketMs, [craneId, callId], group) => ({
        bucketMs,
        craneId: craneId!,
        callId: callId ?? null,
        discharges: count(group, (e) => e.code === 'DISC'),
        loads: count(group, (e) => e.code === 'LOAD'),
      }),
    ),
    gateTransactions: rollUp(
      completedGates,
      HOUR,
      window,
      (e) => [e.gateId, e.laneId],
      (bucketMs, [gateId, laneId], group) => ({
        bucketMs,
        gateId: gateId!,
        laneId: laneId!,
        entries: count(group, (e) => e.direction === 'in'),
        exits: count(group, (e) => e.direction === 'out'),
      }),
    ),
    positionSamples: rollUp(
      fixture.positions,
      10_000,
      window,
      (p) => [p.equipmentId],
      (bucketMs, [equipmentId], group) => {
        const last = group.reduce((a, b) => (b.timeMs > a.timeMs ? b : a));
        return {
          bucketMs,
          equipmentId: equipmentId!,
          timeMs: last.timeMs,
          lon: last.lon,
          lat: last.lat,
          state: last.state,
        };
      },
    ),
    inspectionCompletions: rollUp(
      completedInspections,
      HOUR,
      window,
      (e) => [e.laneId],
      (bucketMs, [laneId], group) => ({
        bucketMs,
        laneId: laneId!,
        cleared: count(group, (e) => e.outcome === 'cleared'),
        held: count(group, (e) => e.outcome === 'held'),
        completed: group.length,
      }),
    ),
  };
}
