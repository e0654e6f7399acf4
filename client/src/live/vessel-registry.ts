// What the map knows about each vessel besides where it is: name, size, type and the AIS
// navigational status, per MMSI, from GET /api/v1/vessels at start and every 30 s. This is
// low-frequency data: a plain object with a version counter that the frame loop compares,
// like the entity buffers. Positions never live here (they are in the entity buffers).
import type { VesselSummary } from '../../../protocol/vessel.ts';

export interface VesselInfo {
  mmsi: string;
  name?: string;
  callSign?: string;
  imo?: string;
  shipType?: number;
  /** Distances from the AIS reference point to bow, stern, port and starboard, metres. */
  toBowM?: number;
  toSternM?: number;
  toPortM?: number;
  toStarboardM?: number;
  /** AIS navigational status 0-15 of the last stored position. */
  navStatus?: number;
}

export interface VesselRegistryOptions {
  fetch?: (url: string, init?: { signal?: AbortSignal }) => Promise<Response>;
  url?: string;
  /** Between two reads of the list. */
  intervalMs?: number;
  /** After a failed read (server restarting, network away): quietly try again this soon. */
  retryMs?: number;
  /** The least time between two reads that notice() asks for. */
  minGapMs?: number;
}

export const REGISTRY_INTERVAL_MS = 30_000;
const RETRY_MS = 5_000;
const MIN_GAP_MS = 5_000;

const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
const number = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** One list entry as the map keeps it; undefined for an entry without an MMSI. */
export function vesselInfoFrom(summary: VesselSummary): VesselInfo | undefined {
  const mmsi = text(summary?.mmsi);
  if (!mmsi) return undefined;
  const info: VesselInfo = {
    mmsi,
    name: text(summary.name),
    callSign: text(summary.callSign),
    imo: text(summary.imo),
    shipType: number(summary.shipType),
    toBowM: number(summary.toBowM),
    toSternM: number(summary.toSternM),
    toPortM: number(summary.toPortM),
    toStarboardM: number(summary.toStarboardM),
    navStatus: number(summary.lastPosition?.navStatus),
  };
  for (const key of Object.keys(info) as (keyof VesselInfo)[])
    if (info[key] === undefined) delete info[key];
  return info;
}

const same = (a: VesselInfo, b: VesselInfo) => {
  const keys = Object.keys(a) as (keyof VesselInfo)[];
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
};

export class VesselRegistry {
  private vessels = new Map<string, VesselInfo>();
  /** Bumped whenever what the registry says changes. */
  version = 0;
  /** Whether a list has been read at least once. */
  loaded = false;

  private readonly options: Required<VesselRegistryOptions>;
  private running = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: AbortController | undefined;
  private lastReadAt = Number.NEGATIVE_INFINITY;
  private asked = new Set<string>();

  constructor(options: VesselRegistryOptions = {}) {
    this.options = {
      fetch: options.fetch ?? ((url, init) => globalThis.fetch(url, init)),
      url: options.url ?? '/api/v1/vessels',
      intervalMs: options.intervalMs ?? REGISTRY_INTERVAL_MS,
      retryMs: options.retryMs ?? RETRY_MS,
      minGapMs: options.minGapMs ?? MIN_GAP_MS,
    };
  }

  get(mmsi: string): VesselInfo | undefined {
    return this.vessels.get(mmsi);
  }

  get size(): number {
    return this.vessels.size;
  }

  /** Takes the server's whole list; the version moves only if something changed. */
  replace(list: readonly VesselSummary[]): boolean {
    const next = new Map<string, VesselInfo>();
    for (const summary of list) {
      const info = vesselInfoFrom(summary);
      if (info) next.set(info.mmsi, info);
    }
    this.loaded = true;
    const changed =
      next.size !== this.vessels.size ||
      [...next].some(([mmsi, info]) => {
        const known = this.vessels.get(mmsi);
        return !known || !same(known, info);
      });
    if (!changed) return false;
    this.vessels = next;
    this.version += 1;
    return true;
  }

  /** Reads the list now and then every interval, until the returned function is called. */
  start(): () => void {
    this.stop();
    this.running = true;
    this.schedule(0);
    return () => this.stop();
  }

  stop(): void {
    this.running = false;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.inFlight?.abort();
    this.inFlight = undefined;
  }

  /**
   * The map saw these vessels: one the registry does not know yet (a ship that has just
   * appeared) brings the next read forward, once per MMSI, rather than showing a bare
   * MMSI for up to an interval.
   */
  notice(mmsis: Iterable<string>): void {
    let fresh = false;
    for (const mmsi of mmsis) {
      if (this.vessels.has(mmsi) || this.asked.has(mmsi)) continue;
      this.asked.add(mmsi);
      fresh = true;
    }
    if (!fresh || !this.running || this.inFlight || !this.loaded) return;
    const wait = Math.max(0, this.lastReadAt + this.options.minGapMs - Date.now());
    this.schedule(wait);
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.read(), delayMs);
  }

  private async read(): Promise<void> {
    if (!this.running) return;
    const controller = new AbortController();
    this.inFlight = controller;
    this.lastReadAt = Date.now();
    let next = this.options.intervalMs;
    try {
      const response = await this.options.fetch(this.options.url, { signal: controller.signal });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const body = (await response.json()) as { vessels?: unknown };
      if (!Array.isArray(body?.vessels)) throw new Error('not a vessel list');
      if (controller.signal.aborted) return;
      this.replace(body.vessels as VesselSummary[]);
    } catch {
      // Quietly: the server may be restarting; the map keeps what it knew and asks again.
      next = this.options.retryMs;
    } finally {
      if (this.inFlight === controller) this.inFlight = undefined;
    }
    if (this.running && !controller.signal.aborted) this.schedule(next);
  }
}
