// What one subscription lets through: entity kinds (layers), a terminal's bounds, KPI
// scopes. Connections with the same subscription share one filter (one key), so a
// flush builds each distinct batch once. A filter on bounds remembers what it last sent
// inside them, so an entity that leaves gets one last fix there instead of freezing at
// the edge of the client's picture.
import type { KpiValue } from '../../protocol/kpi.ts';
import type { LiveEntityKind, LivePosition, LiveSubscription } from '../../protocol/live.ts';
import type { PortModel } from '../../protocol/port-model.ts';

/** West, south, east, north (WGS84 degrees). */
export type Bounds = readonly [number, number, number, number];

const inside = (b: Bounds, p: LivePosition) =>
  p.lon >= b[0] && p.lat >= b[1] && p.lon <= b[2] && p.lat <= b[3];

/** A scope matches an entry equal to it, or an entry that ends in ':' or '-' and begins it. */
export const scopeMatches = (entry: string, scope: string) =>
  scope === entry || (/[:-]$/.test(entry) && scope.startsWith(entry));

export class LiveFilter {
  readonly key: string;
  private readonly kinds: ReadonlySet<LiveEntityKind> | undefined;
  private readonly sentInside = new Set<string>();

  constructor(
    readonly subscription: LiveSubscription,
    private readonly bounds: Bounds | undefined,
  ) {
    this.kinds = subscription.kinds ? new Set(subscription.kinds) : undefined;
    this.key = JSON.stringify([
      subscription.kinds ? [...subscription.kinds].sort() : '*',
      subscription.terminalId ?? '*',
      subscription.kpiScopes ? [...subscription.kpiScopes].sort() : '*',
    ]);
  }

  private wanted(p: LivePosition): boolean {
    return !this.kinds || this.kinds.has(p.kind);
  }

  /**
   * The picture as this filter shows it (a snapshot). What was sent inside before stays
   * remembered: other connections of this filter may still show it there.
   */
  picture(positions: Iterable<LivePosition>): LivePosition[] {
    const shown: LivePosition[] = [];
    for (const p of positions) {
      if (!this.wanted(p) || (this.bounds && !inside(this.bounds, p))) continue;
      shown.push(p);
      if (this.bounds) this.sentInside.add(p.id);
    }
    return shown;
  }

  /** The changed positions this filter sends: those inside, and those that just left. */
  changes(changed: readonly LivePosition[]): LivePosition[] {
    const bounds = this.bounds;
    if (!bounds) return changed.filter((p) => this.wanted(p));
    return changed.filter((p) => {
      if (!this.wanted(p)) return false;
      if (inside(bounds, p)) {
        this.sentInside.add(p.id);
        return true;
      }
      return this.sentInside.delete(p.id);
    });
  }

  kpis(kpis: readonly KpiValue[]): KpiValue[] {
    const scopes = this.subscription.kpiScopes;
    if (!scopes) return [...kpis];
    return kpis.filter((k) => scopes.some((entry) => scopeMatches(entry, k.scope)));
  }
}

/** Each terminal of the port model and its bounds. */
export function terminalBounds(model: PortModel): Map<string, Bounds> {
  const bounds = new Map<string, Bounds>();
  for (const feature of model.features) {
    if (feature.properties.kind !== 'terminal' || feature.geometry.type !== 'Polygon') continue;
    const ring = feature.geometry.coordinates[0] ?? [];
    const lons = ring.map((c) => c[0]);
    const lats = ring.map((c) => c[1]);
    bounds.set(feature.properties.id, [
      Math.min(...lons),
      Math.min(...lats),
      Math.max(...lons),
      Math.max(...lats),
    ]);
  }
  return bounds;
}
