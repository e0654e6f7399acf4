// The feed: N synthetic trucks and AGVs, each going back and forth along a road-like
// straight line inside the terminal at a few metres a second, all posted once a second.
import { setTimeout as sleep } from 'node:timers/promises';
import type { EquipmentKind, EquipmentState } from '../../protocol/equipment.ts';
import type { PortModel } from '../../protocol/port-model.ts';
import { MAX_BATCH_ITEMS } from '../../server/ingest/batch-envelope.ts';
import { createRng } from '../../simulators/rng.ts';
import { quantiles, round } from '../shared/numbers.ts';
import { postTelemetry } from '../shared/telemetry.ts';

/** Items per POST: the route takes up to MAX_BATCH_ITEMS; smaller bodies parse in shorter bites. */
export const POST_ITEMS = Math.min(5_000, MAX_BATCH_ITEMS);
export const MAX_TICKS_IN_FLIGHT = 2;
export const KINDS: EquipmentKind[] = ['truck', 'agv'];
export const STATES: EquipmentState[] = [
  'travelling_loaded',
  'travelling_empty',
  'working',
  'waiting',
  'idle',
];
const M_PER_DEG_LAT = 111_320;

interface Mover {
  id: string;
  kind: EquipmentKind;
  state: EquipmentState;
  x0: number;
  y0: number;
  /** Unit direction of travel, along x or y (like the terminal's road grid). */
  dx: number;
  dy: number;
  speedMps: number;
  spanM: number;
  phaseM: number;
}

interface Box {
  west: number;
  south: number;
  east: number;
  north: number;
}

/** The terminal's extent, from GET /api/v1/port as any client sees it. */
async function terminalBox(url: string): Promise<Box> {
  const model = (await (await fetch(`${url}/api/v1/port`)).json()) as PortModel;
  const terminal = model.features.find((f) => f.properties.kind === 'terminal');
  if (!terminal || terminal.geometry.type !== 'Polygon') throw new Error('no terminal polygon');
  const ring = terminal.geometry.coordinates[0]!;
  const lons = ring.map((p) => p[0]);
  const lats = ring.map((p) => p[1]);
  return {
    west: Math.min(...lons),
    south: Math.min(...lats),
    east: Math.max(...lons),
    north: Math.max(...lats),
  };
}

const noCounts = () => ({
  ticks: 0,
  ticksLate: 0,
  ticksSkipped: 0,
  posts: 0,
  accepted: 0,
  rejected: 0,
  refused: 0,
  errors: 0,
});

export class Feed {
  private readonly movers: Mover[] = [];
  private readonly mPerDegLon: number;
  /** How many of the movers are fed (the first n: each step keeps the earlier ones). */
  n = 0;
  private stopped = false;
  private loop: Promise<void> | undefined;
  private counts = noCounts();
  private tickMs: number[] = [];
  firstError: string | undefined;

  /** A feed of up to `capacity` movers (always the same ones: a seeded generator). */
  static async forServer(url: string, capacity: number): Promise<Feed> {
    return new Feed(url, await terminalBox(url), capacity);
  }

  private constructor(
    private readonly url: string,
    private readonly box: Box,
    capacity: number,
  ) {
    this.mPerDegLon = M_PER_DEG_LAT * Math.cos((((box.south + box.north) / 2) * Math.PI) / 180);
    const widthM = (box.east - box.west) * this.mPerDegLon;
    const heightM = (box.north - box.south) * M_PER_DEG_LAT;
    const rng = createRng(7);
    const inset = 60;
    for (let i = 0; i < capacity; i++) {
      const alongX = rng.chance(0.6);
      const sign = rng.chance(0.5) ? 1 : -1;
      const spanM = rng.between(80, 250);
      const [dx, dy] = alongX ? [sign, 0] : [0, sign];
      // Start where the whole span stays inside the terminal, 60 m from its edges.
      const room = (size: number, d: number) => {
        const lo = inset + (d < 0 ? spanM : 0);
        const hi = size - inset - (d > 0 ? spanM : 0);
        return lo + rng.next() * Math.max(0, hi - lo);
      };
      // The draws in this order: the same movers as every earlier run.
      this.movers.push({
        id: `MAPFPS-${String(i).padStart(5, '0')}`,
        kind: KINDS[i % KINDS.length]!,
        state: rng.pick(STATES),
        x0: room(widthM, dx),
        y0: room(heightM, dy),
        dx,
        dy,
        speedMps: rng.between(2, 6),
        spanM,
        phaseM: rng.between(0, 2 * spanM),
      });
    }
  }

  /** Where mover m is at t: a triangle wave along its line, heading the way it goes. */
  private item(m: Mover, timeMs: number) {
    const travelled = (m.phaseM + (m.speedMps * timeMs) / 1000) % (2 * m.spanM);
    const forward = travelled < m.spanM;
    const s = forward ? travelled : 2 * m.spanM - travelled;
    const x = m.x0 + m.dx * s;
    const y = m.y0 + m.dy * s;
    const sign = forward ? 1 : -1;
    const headingDeg = ((Math.atan2(m.dx * sign, m.dy * sign) * 180) / Math.PI + 360) % 360;
    return {
      equipmentId: m.id,
      kind: m.kind,
      time: timeMs,
      lon: round(this.box.west + x / this.mPerDegLon, 7),
      lat: round(this.box.south + y / M_PER_DEG_LAT, 7),
      headingDeg: round(headingDeg, 1),
      speedMps: round(m.speedMps, 2),
      state: m.state,
    };
  }

  /** One POST, retried (up to 3 times) when the server sheds load. */
  private async post(items: ReturnType<Feed['item']>[]): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      const response = await postTelemetry(this.url, items);
      const reply = (await response.json()) as { accepted?: number; rejected?: unknown[] };
      this.counts.posts += 1;
      if (response.status === 200) {
        this.counts.accepted += reply.accepted ?? 0;
        this.counts.rejected += reply.rejected?.length ?? 0;
        return;
      }
      this.counts.refused += 1;
      if ((response.status !== 429 && response.status !== 503) || attempt >= 3)
        throw new Error(`ingest answered ${response.status}`);
      const retryS = Number(response.headers.get('retry-after') ?? '1');
      await sleep(Math.min(1_000, retryS * 1_000));
    }
  }

  private async sendAll(): Promise<void> {
    const timeMs = Date.now();
    const n = this.n;
    // The chunks of one tick go at once: the writer coalesces them into one transaction.
    const chunks = [];
    for (let i = 0; i < n; i += POST_ITEMS) {
      const items = [];
      for (let k = i; k < Math.min(n, i + POST_ITEMS); k++)
        items.push(this.item(this.movers[k]!, timeMs));
      chunks.push(items);
    }
    await Promise.all(chunks.map((items) => this.post(items)));
  }

  /**
   * Once a second, on the clock: a tick does not wait for the one before it (the writer
   * coalesces them), but at most MAX_TICKS_IN_FLIGHT are in flight; a tick due while that
   * many still are is skipped, and counted.
   */
  start(): void {
    const startMs = Date.now();
    this.loop = (async () => {
      const inFlight = new Set<Promise<void>>();
      for (let tick = 0; !this.stopped; tick++) {
        const wait = startMs + tick * 1_000 - Date.now();
        if (wait > 0) await sleep(wait);
        if (this.stopped) break;
        if (this.n === 0) continue;
        if (inFlight.size >= MAX_TICKS_IN_FLIGHT) {
          this.counts.ticksSkipped += 1;
          continue;
        }
        const t0 = performance.now();
        const sending = this.sendAll().then(
          () => {
            const took = performance.now() - t0;
            this.counts.ticks += 1;
            this.tickMs.push(took);
            if (took > 1_000) this.counts.ticksLate += 1;
          },
          (error: Error) => {
            this.counts.errors += 1;
            this.firstError ??= error.message;
          },
        );
        inFlight.add(sending);
        void sending.finally(() => inFlight.delete(sending));
      }
      await Promise.all(inFlight);
    })();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.loop;
  }

  /** Counters since the last call, for one measured window. */
  take() {
    const [tickMsP50, tickMsMax] = quantiles(this.tickMs, [0.5, 1]).map((v) => round(v, 1));
    const taken = { ...this.counts, tickMsP50: tickMsP50!, tickMsMax: tickMsMax! };
    this.counts = noCounts();
    this.tickMs = [];
    return taken;
  }
}
