import { describe, expect, it } from 'vitest';
import type { PortFeature } from '../../protocol/port-model.ts';
import { buildDemoPort } from '../port-model/demo-port.ts';
import { VesselCallTracker } from './vessel-call-tracker.ts';
import {
  atAnchor,
  codes,
  expectValid,
  HOUR_S,
  newTracker,
  rect,
  run,
  still,
  T0,
  testPort,
  timeOf,
  Track,
  xyOf,
} from './test-support/vessel-call-fixture.ts';

describe('VesselCallTracker: port models', () => {
  it('counts a port_limits polygon, should a model have one, as in port', () => {
    // Anchored, out to wait 6 km east of the anchorage for two hours, back to anchor.
    const track = new Track('424000012', T0, -8_000, -7_500);
    track.sail(0, -7_500, 10);
    track.hold(3 * HOUR_S, { sog: atAnchor, navStatus: 1 });
    track.sail(8_000, -4_000, 10);
    track.hold(2 * HOUR_S, { stepS: 60, sog: () => 1, navStatus: 0 });
    track.sail(0, -7_500, 10);
    track.hold(3 * HOUR_S, { sog: atAnchor, navStatus: 1 });
    const withoutLimits = run(newTracker(), track.fixes);
    expect(codes(withoutLimits)).toEqual(['ATA-Anchorage', 'ATD-Anchorage', 'ATA-Anchorage']);
    expect(new Set(withoutLimits.map((e) => e.callId)).size).toBe(2);

    const model = testPort();
    model.features.push({
      type: 'Feature',
      geometry: { type: 'Polygon', coordinates: rect(-10_000, -20_000, 10_000, 1_000) },
      properties: { id: 'limits', kind: 'port_limits' },
    } as unknown as PortFeature);
    const withLimits = run(new VesselCallTracker(model), track.fixes);
    expect(codes(withLimits)).toEqual(['ATA-Anchorage', 'ATD-Anchorage']); // one call
  });

  it('works on the demo port: a berthing at its first berth', () => {
    const model = buildDemoPort();
    const berths = model.features.filter((f) => f.properties.kind === 'berth');
    expect(berths.length).toBeGreaterThan(0);
    const berth = berths[0]!;
    if (berth.geometry.type !== 'Polygon') throw new Error('berths are polygons');
    const ring = berth.geometry.coordinates[0]!.slice(0, -1).map(xyOf);
    const cx = ring.reduce((s, [x]) => s + x, 0) / ring.length;
    const cy = ring.reduce((s, [, y]) => s + y, 0) / ring.length;
    const track = new Track('477553000', T0, cx, cy - 3_000);
    track
      .sail(cx, cy - 300, 8)
      .sail(cx, cy - 100, 2)
      .sail(cx, cy, 1.2);
    const start = track.next;
    track.hold(6 * HOUR_S, { sog: still, navStatus: 5 });
    const leave = track.next;
    track.sail(cx, cy - 300, 3).sail(cx, cy - 5_000, 10);
    const events = run(new VesselCallTracker(model), track.fixes);
    expect(codes(events)).toEqual(['ATA-Berth', 'ATD-Berth']);
    expect(events.map((e) => e.berthId)).toEqual([berth.properties.id, berth.properties.id]);
    expect(timeOf(events[0])).toBe(track.fixes[start]!.position.timeMs);
    expect(timeOf(events[1])).toBe(track.fixes[leave]!.position.timeMs);
    expectValid(events, track);
  });
});
