// `npm run simulate -- [options]`: the port simulator as a client of a running server.
import { parseArgs } from 'node:util';
import type { PortModel } from '../protocol/port-model.ts';
import { IngestClient } from './ingest-client.ts';
import { createRng } from './rng.ts';
import { buildRoadGraph } from './road-graph.ts';
import { TruckFleet } from './truck-fleet.ts';

const USAGE = `usage: npm run simulate -- [--target URL] [--key KEY] [--seed N] [--speed X] [--trucks N]
  --target  server URL (default http://127.0.0.1:8080)
  --key     ingest key (default: QUAYSIDE_INGEST_KEY)
  --seed    random seed; the same seed gives the same run (default 1)
  --speed   simulated seconds per real second (default 1); faster runs start in the past
            and never run ahead of the wall clock
  --trucks  number of terminal trucks (default 12)`;

function fail(message: string): never {
  console.error(`simulate: ${message}\n${USAGE}`);
  process.exit(2);
}

function positiveNumber(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) fail(`--${name} must be a positive number, got "${value}"`);
  return n;
}

async function fetchPortModel(target: string): Promise<PortModel> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      const response = await fetch(`${target}/api/v1/port`);
      if (response.ok) return (await response.json()) as PortModel;
      throw new Error(`HTTP ${response.status}`);
    } catch (error) {
      if (attempt >= 30) fail(`cannot read the port model from ${target}: ${String(error)}`);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        target: { type: 'string', default: 'http://127.0.0.1:8080' },
        key: { type: 'string' },
        seed: { type: 'string' },
        speed: { type: 'string' },
        trucks: { type: 'string' },
        help: { type: 'boolean' },
      },
    }));
  } catch (error) {
    fail((error as Error).message);
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const key = values.key ?? process.env.QUAYSIDE_INGEST_KEY;
  if (!key) fail('no ingest key: pass --key or set QUAYSIDE_INGEST_KEY');
  const seed = positiveNumber('seed', values.seed, 1);
  const speed = positiveNumber('speed', values.speed, 1);
  const trucks = Math.round(positiveNumber('trucks', values.trucks, 12));
  const target = values.target.replace(/\/$/, '');

  const model = await fetchPortModel(target);
  const fleet = new TruckFleet(buildRoadGraph(model), createRng(seed), trucks);
  const client = new IngestClient({ target, key, log: (m) => console.log(`simulate: ${m}`) });

  const tickMs = 1_000;
  const realStart = Date.now();
  const simStart = speed > 1 ? realStart - 24 * 3_600_000 : realStart;
  let simTime = simStart;
  console.log(
    `simulate: ${trucks} trucks on ${model.properties.name}, seed ${seed}, speed ${speed}x`,
  );

  // One fix per truck per simulated second; at speed X that is X steps per real second.
  const timer = setInterval(
    () => {
      const simNow = Math.min(simStart + (Date.now() - realStart) * speed, Date.now());
      while (simTime + tickMs <= simNow) {
        simTime += tickMs;
        fleet.step(tickMs / 1000);
        client.enqueue(fleet.telemetry(simTime));
      }
    },
    Math.max(50, Math.min(1_000, 1_000 / speed)),
  );

  const stop = () => {
    clearInterval(timer);
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

void main();
