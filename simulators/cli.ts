// `npm run simulate -- [options]`: the port simulator as a client of a running server,
// in real time (the default; what `npm start` runs), accelerated, or as a backfill of a
// whole past day.
import { parseArgs } from 'node:util';
import type { PortModel } from '../protocol/port-model.ts';
import { IngestClient } from './ingest-client.ts';
import { MqttFeed } from './mqtt-feed.ts';
import { MqttPublisher } from './mqtt-publisher.ts';
import { runBackfill, runLive } from './run-modes.ts';
import { Simulation } from './simulation.ts';

const USAGE = `usage: npm run simulate -- [--target URL] [--key KEY] [--seed N] [--speed X | --backfill DAY] [--mqtt URL]
  --target    server URL (default http://127.0.0.1:8080)
  --key       ingest key (default: QUAYSIDE_INGEST_KEY)
  --seed      random seed; the same seed and start give the same run (default 1)
  --speed     simulated seconds per real second (default 1, real time); faster runs start
              24 hours in the past and never run ahead of the wall clock
  --backfill  a past UTC day (YYYY-MM-DD): generate it whole, send it as fast as the
              server takes it, print a summary and exit
  --mqtt      publish events and positions to this MQTT broker (the server's MQTT_URL)
              instead of POSTing them; AIS static reports still go by HTTP (live modes only)`;

const DAY = 86_400_000;
const log = (message: string) => console.log(`simulate: ${message}`);

function fail(message: string, code = 2): never {
  console.error(`simulate: ${message}${code === 2 ? `\n${USAGE}` : ''}`);
  process.exit(code);
}

function positiveNumber(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) fail(`--${name} must be a positive number, got "${value}"`);
  return n;
}

function backfillStart(day: string): number {
  const start = /^\d{4}-\d{2}-\d{2}$/.test(day) ? Date.parse(`${day}T00:00:00Z`) : Number.NaN;
  if (Number.isNaN(start) || new Date(start).toISOString().slice(0, 10) !== day)
    fail(`--backfill must be a day as YYYY-MM-DD, got "${day}"`);
  if (start + DAY > Date.now())
    fail(`--backfill ${day} is not over yet: only past days can be backfilled`);
  return start;
}

async function fetchPortModel(target: string): Promise<PortModel> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      const response = await fetch(`${target}/api/v1/port`);
      if (response.ok) return (await response.json()) as PortModel;
      throw new Error(`HTTP ${response.status}`);
    } catch (error) {
      if (attempt >= 30) fail(`cannot read the port model from ${target}: ${String(error)}`, 1);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }
}

async function connectMqtt(url: string, client: IngestClient) {
  try {
    const publisher = await MqttPublisher.connect(url, 'simulator');
    return { publisher, feed: new MqttFeed(publisher, client, log) };
  } catch (error) {
    fail(`cannot reach the MQTT broker at ${url}: ${(error as Error).message}`, 1);
  }
}

function options() {
  try {
    return parseArgs({
      options: {
        target: { type: 'string', default: 'http://127.0.0.1:8080' },
        key: { type: 'string' },
        seed: { type: 'string' },
        speed: { type: 'string' },
        backfill: { type: 'string' },
        mqtt: { type: 'string' },
        help: { type: 'boolean' },
      },
    }).values;
  } catch (error) {
    fail((error as Error).message);
  }
}

/** How this process leaves when told to: at once until it runs, then gracefully. */
let leave: () => void = () => process.exit(0);
// Started by the server (npm start): it leaves with the server, even one killed outright
// (the IPC channel closes however the parent dies), rather than feeding whatever comes
// next on that port with an old key. Listening from the start (warm-up takes a while),
// and the server may have gone already while this module was still loading.
if (process.send) {
  process.on('disconnect', () => leave());
  if (!process.connected) leave();
}

async function main(): Promise<void> {
  const values = options();
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const key = values.key ?? process.env.QUAYSIDE_INGEST_KEY;
  if (!key) fail('no ingest key: pass --key or set QUAYSIDE_INGEST_KEY');
  if (values.backfill !== undefined && values.speed !== undefined)
    fail('--speed and --backfill do not go together');
  if (values.backfill !== undefined && values.mqtt !== undefined)
    fail('--backfill sends by HTTP, with back-pressure; --mqtt is for live runs');
  const seed = Math.round(positiveNumber('seed', values.seed, 1));
  const speed = positiveNumber('speed', values.speed, 1);
  const target = values.target.replace(/\/$/, '');
  const backfill = values.backfill === undefined ? undefined : backfillStart(values.backfill);

  const model = await fetchPortModel(target);
  const startMs = backfill ?? (speed > 1 ? Date.now() - DAY : Date.now());
  log(`warming up ${model.properties.name} (seed ${seed})`);
  const simulation = new Simulation(model, { startMs, config: { seed } });
  const client = new IngestClient({
    target,
    key,
    log,
    dropStalePositions: backfill === undefined,
    onFatal: (message) => fail(message, 1),
  });

  if (backfill !== undefined) {
    log(`backfilling ${values.backfill} into ${target}`);
    const summary = await runBackfill(simulation, client, (done) =>
      log(`${Math.round(done * 100)} % of the day sent or queued`),
    );
    const rejected = [client.events, client.positions, client.ais].reduce(
      (sum, channel) => sum + channel.stats.rejected,
      0,
    );
    log(
      `backfill ${values.backfill} done: ${summary.events} events, ${summary.fixes} fixes in ` +
        `${summary.seconds.toFixed(1)} s (${Math.round(summary.itemsPerSecond)} items/s)` +
        (rejected > 0 ? `; ${rejected} items were rejected` : ''),
    );
    process.exit(rejected > 0 ? 1 : 0);
  }

  const mqtt = values.mqtt === undefined ? undefined : await connectMqtt(values.mqtt, client);
  log(
    `running at ${speed}x from ${new Date(startMs).toISOString()} against ${target}` +
      (mqtt ? ` through ${values.mqtt}` : ''),
  );
  const run = runLive(simulation, mqtt?.feed ?? client, speed);
  leave = () => {
    run.stop();
    // Pending events are worth a moment's wait; positions are not.
    const deadline = setTimeout(() => process.exit(0), 3_000);
    void Promise.all([client.events.idle(), mqtt?.feed.idle().then(() => mqtt.publisher.close())])
      .catch(() => undefined)
      .then(() => {
        clearTimeout(deadline);
        process.exit(0);
      });
  };
  process.on('SIGTERM', () => leave());
  process.on('SIGINT', () => leave());
}

void main();
