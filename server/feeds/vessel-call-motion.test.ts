import { describe, expect, it } from 'vitest';
import { codes, fullCall, newTracker, run, timeOf } from './test-support/vessel-call-fixture.ts';

describe('VesselCallTracker: speed without SOG', () => {
  it('derives speed from positions, or uses the nav status, when SOG is not available', () => {
    const { track } = fullCall();
    const baseline = run(newTracker(), track.fixes);
    const withoutSog = track.fixes.map((f) => {
      const { sogKnots: _sog, ...position } = f.position;
      return { ...f, position };
    });
    const withoutEither = withoutSog.map((f) => {
      const { navStatus: _nav, ...position } = f.position;
      return { ...f, position };
    });
    for (const fixes of [withoutSog, withoutEither]) {
      const events = run(newTracker(), fixes);
      expect(codes(events)).toEqual(codes(baseline));
      events.forEach((event, i) => {
        expect(event.berthId).toBe(baseline[i]!.berthId);
        expect(Math.abs(timeOf(event) - timeOf(baseline[i]))).toBeLessThanOrEqual(10 * 60_000);
      });
    }
  });
});
