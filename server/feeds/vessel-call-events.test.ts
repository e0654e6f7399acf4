import { describe, expect, it } from 'vitest';
import type { PortCallEvent } from '../../protocol/events.ts';
import { usableImo } from './vessel-call-events.ts';
import {
  codes,
  fullCall,
  newTracker,
  run,
  T0,
  VESSEL,
} from './test-support/vessel-call-fixture.ts';

describe('VesselCallTracker: IMO numbers', () => {
  it('holds events until the IMO number arrives, then releases them with their own times', () => {
    const { track, expected } = fullCall();
    const baseline = run(newTracker(), track.fixes);
    const late = track.fixes.findIndex(
      (f) => f.position.timeMs >= expected['ATA-Berth'] + 3_600_000,
    );
    const tracker = newTracker();
    const perFix: PortCallEvent[][] = [];
    track.fixes.forEach((f, i) => {
      if (i === late) expect(tracker.status('412345678')?.heldEvents).toBe(4);
      perFix.push(tracker.update(f.position, i < late ? { name: 'EVER TEST' } : VESSEL));
    });
    expect(perFix.slice(0, late).flat()).toEqual([]);
    expect(codes(perFix[late]!)).toEqual([
      'ATA-PBP',
      'ATA-Anchorage',
      'ATD-Anchorage',
      'ATA-Berth',
    ]);
    expect(perFix.flat()).toEqual(baseline);
  });

  it('releases held events on identify(), and never uses an invalid or placeholder IMO', () => {
    const { track } = fullCall();
    const baseline = run(newTracker(), track.fixes);
    const tracker = newTracker();
    expect(run(tracker, track.fixes, { imo: '9074728', name: 'EVER TEST' })).toEqual([]);
    expect(tracker.identify('412345678', { imo: '0000000' })).toEqual([]);
    expect(tracker.identify('412345678', VESSEL)).toEqual(baseline);
    expect(tracker.identify('412345678', VESSEL)).toEqual([]);
    expect(tracker.identify('999999999', VESSEL)).toEqual([]);
    expect(usableImo(' 9074729 ')).toBe('9074729');
    expect(usableImo('0000000')).toBeUndefined();
    expect(usableImo('907472')).toBeUndefined();
  });

  it('drops held events older than 48 hours', () => {
    const { track, indices } = fullCall('419000007', T0, { anchorHours: 60 });
    const events = run(newTracker(), track.fixes, (i) => (i < indices.anchorOut ? {} : VESSEL));
    expect(codes(events)).toEqual(['ATD-Anchorage', 'ATA-Berth', 'ATD-Berth']);
  });
});
