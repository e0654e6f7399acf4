// `npm run bench [-- --quick]`: the ingest path measured against a baseline in the same
// process and database: the same rows, through POST /api/v1/telemetry (validation,
// batched writer, commit, reply) versus a raw multi-row insert into an identical table.
// Absolute rates on shared machines are noise; the ratio is the figure to watch.
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import type pg from 'pg';
import { startBenchServer } from './shared/bench-server.ts';
import { writeResult } from './shared/results.ts';
import { postTelemetry } from './shared/telemetry.ts';

const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false } } });
const ROWS = values.quick ? 20_000 : 200_000;
const BATCH = 1_000;
const CLIENTS = 4;

function makeItems(count: number, tag: string) {
  const start = Date.now() - count * 10;
  return Array.from({ length: count }, (_, i) => ({
    equipmentId: `${tag}-${i % 500}`,
    kind: 'truck',
    time: start + i * 10,
    lon: 122.03 + (i % 1000) * 1e-5,
    lat: 30.615 + (i % 700) * 1e-5,
    headingDeg: (i * 7) % 360,
    speedMps: (i % 70) / 10,
    state: 'travelling_loaded',
  }));
}
type Item = ReturnType<typeof makeItems>[number];

async function rawInsert(pool: pg.Pool, items: Item[]): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < items.length; i += 5_000) {
    const chunk = items.slice(i, i + 5_000);
    await pool.query(
      `INSERT INTO bench_raw_position (time, equipment_id, lon, lat, heading_deg, speed_mps, state)
       SELECT * FROM unnest($1::timestamptz[], $2::text[], $3::float8[], $4::float8[], $5::float8[], $6::float8[], $7::text[])
       ON CONFLICT DO NOTHING`,
      [
        chunk.map((r) => new Date(r.time).toISOString()),
        chunk.map((r) => r.equipmentId),
        chunk.map((r) => r.lon),
        chunk.map((r) => r.lat),
        chunk.map((r) => r.headingDeg),
        chunk.map((r) => r.speedMps),
        chunk.map((r) => r.state),
      ],
    );
  }
  return (performance.now() - t0) / 1000;
}

async function httpIngest(url: string, items: Item[]): Promise<number> {
  const batches: Item[][] = [];
  for (let i = 0; i < items.length; i += BATCH) batches.push(items.slice(i, i + BATCH));
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (next < batches.length) {
        const batch = batches[next++]!;
        for (;;) {
          const response = await postTelemetry(url, batch);
          if (response.status === 200) break;
          if (response.status !== 429) throw new Error(`ingest answered ${response.status}`);
          await sleep(50);
        }
      }
    }),
  );
  return (performance.now() - t0) / 1000;
}

async function main(): Promise<void> {
  const { db, url, close } = await startBenchServer('bench');
  try {
    await db.pool.query('CREATE TABLE bench_raw_position (LIKE equipment_position INCLUDING ALL)');
    // Warm both paths (JIT, connections), then measure each on its own fresh rows.
    await rawInsert(db.pool, makeItems(5_000, 'WARM-R'));
    await httpIngest(url, makeItems(5_000, 'WARM-H'));
    const rawS = await rawInsert(db.pool, makeItems(ROWS, 'RAW'));
    const httpS = await httpIngest(url, makeItems(ROWS, 'HTTP'));
    const result = {
      engine: db.engine,
      rows: ROWS,
      httpBatch: BATCH,
      httpClients: CLIENTS,
      rawRowsPerS: Math.round(ROWS / rawS),
      httpRowsPerS: Math.round(ROWS / httpS),
      ratio: Number((rawS / httpS).toFixed(3)),
      at: new Date().toISOString(),
    };
    console.log(`\ningest benchmark on ${result.engine}, ${ROWS} rows`);
    console.table({
      'raw unnest insert (baseline)': { 'rows/s': result.rawRowsPerS },
      [`POST /api/v1/telemetry (${CLIENTS} clients x ${BATCH})`]: { 'rows/s': result.httpRowsPerS },
    });
    console.log(`ingest path runs at ${(result.ratio * 100).toFixed(0)} % of the raw insert rate`);
    writeResult(`ingest-${result.engine}`, result);
  } finally {
    await close();
  }
}

void main();
