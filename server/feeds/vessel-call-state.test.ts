import { describe, expect, it } from 'vitest';
import {
  atAnchor,
  byCode,
  codes,
  directCall,
  expectValid,
  firstTime,
  fullCall,
  HOUR_S,
  IMO,
  inBerthBuffer,
  insideAnchorage,
  newTracker,
  PBP,
  run,
  still,
  T0,
  testPort,
  timeOf,
  Track,
} from './test-support/vessel-call-fixture.ts';

describe('VesselCallTracker: a whole call', () => {
  it('reports PBP, anchorage (8 h), berth (20 h) and departure at the starts of the periods', () => {
    const { track, expected } = fullCall();
    const events = run(newTracker(), track.fixes);
    expect(codes(events)).toEqual([
      'ATA-PBP',
      'ATA-Anchorage',
      'ATD-Anchorage',
      'ATA-Berth',
      'ATD-Berth',
    ]);
    const callId = `ais-412345678-${Math.floor(expected['ATA-PBP'] / 1000)}`;
    for (const event of events) {
      expect(event).toMatchObject({
        type: 'port_call',
        callId,
        eventId: `${callId}:${event.timestamp}`,
        vesselImo: IMO,
        vesselName: 'EVER TEST',
        mmsi: '412345678',
      });
      expect(timeOf(event)).toBe(expected[event.timestamp as keyof typeof expected]);
    }
    const by = byCode(events);
    expect(by['ATA-Berth']!.berthId).toBe('T1-B1');
    expect(by['ATD-Berth']!.berthId).toBe('T1-B1');
    expect(by['ATA-Anchorage']!.berthId).toBeUndefined();
    // Waiting time and port hours as the KPIs will compute them.
    const waitingH = (timeOf(by['ATA-Berth']) - timeOf(by['ATA-Anchorage'])) / 3_600_000;
    expect(waitingH).toBeGreaterThan(8);
    expect(waitingH).toBeLessThan(9.5);
    const atBerthH = (timeOf(by['ATD-Berth']) - timeOf(by['ATA-Berth'])) / 3_600_000;
    expect(atBerthH).toBeCloseTo(20, 1);
    expectValid(events, track);
  });

  it('reports a direct berthing without anchoring', () => {
    const { track, berth, leave } = directCall();
    const events = run(newTracker(), track.fixes);
    expect(codes(events)).toEqual(['ATA-PBP', 'ATA-Berth', 'ATD-Berth']);
    const by = byCode(events);
    expect(timeOf(by['ATA-Berth'])).toBe(track.fixes[berth]!.position.timeMs);
    expect(timeOf(by['ATD-Berth'])).toBe(track.fixes[leave]!.position.timeMs);
    expect(by['ATA-Berth']!.berthId).toBe('T1-B2');
    expectValid(events, track);

    // Without a pilot boarding place in the model, the call starts at the berthing.
    const noPbp = run(newTracker({}, testPort({ pilotBoardingPlace: false })), track.fixes);
    expect(codes(noPbp)).toEqual(['ATA-Berth', 'ATD-Berth']);
    const start = track.fixes[berth]!.position.timeMs;
    expect(noPbp[0]!.callId).toBe(`ais-413000001-${Math.floor(start / 1000)}`);
  });

  it('reports nothing for a passing vessel, even one that stops briefly at a berth', () => {
    const track = new Track('414000002', T0, 6_500, -16_500);
    track.sail(PBP.x, PBP.y, 14).sail(1_500, -1_500, 14).sail(600, -25, 8).sail(150, -25, 8);
    track.hold(170, { stepS: 10, sog: () => 0.2, navStatus: 0 });
    track.sail(-400, -25, 8).sail(-400, -3_000, 12);
    // Straight across the anchorage at speed, then away to sea.
    track.sail(0, -12_000, 14).sail(20_000, -30_000, 14);
    const tracker = newTracker();
    expect(run(tracker, track.fixes)).toEqual([]);
    expect(tracker.status('414000002')).toMatchObject({ phase: 'none', heldEvents: 0 });
    expect(tracker.status('414000002')?.callId).toBeUndefined();
  });

  it('starts a new call when the vessel comes back', () => {
    const first = fullCall('415000003', T0);
    const second = fullCall('415000003', first.track.t + 3 * 24 * HOUR_S * 1000, { seed: 2 });
    const events = run(newTracker(), [...first.track.fixes, ...second.track.fixes]);
    expect(events).toHaveLength(10);
    const callIds = [...new Set(events.map((e) => e.callId))];
    expect(callIds).toEqual([
      `ais-415000003-${Math.floor(first.expected['ATA-PBP'] / 1000)}`,
      `ais-415000003-${Math.floor(second.expected['ATA-PBP'] / 1000)}`,
    ]);
  });

  it('ends a call that leaves port without berthing; the next visit is a new call', () => {
    const track = new Track('416000004', T0, -8_000, -7_500);
    track.sail(0, -7_500, 10);
    track.hold(6 * HOUR_S, { sog: atAnchor, navStatus: 1, jitterM: 30 });
    track.sail(-30_000, -7_500, 12);
    track.silence(24 * HOUR_S);
    track.sail(0, -7_500, 12);
    track.hold(6 * HOUR_S, { sog: atAnchor, navStatus: 1, jitterM: 30 });
    const events = run(newTracker(), track.fixes);
    expect(codes(events)).toEqual(['ATA-Anchorage', 'ATD-Anchorage', 'ATA-Anchorage']);
    expect(events[0]!.callId).toBe(events[1]!.callId);
    expect(events[2]!.callId).not.toBe(events[0]!.callId);
    expectValid(events, track);
  });
});

describe('VesselCallTracker: AIS reality', () => {
  it('does not flap for a vessel swinging and drifting across the anchorage edge', () => {
    const track = new Track('417000005', T0, 3_500, -7_500, 3);
    track.sail(1_990, -7_500, 4);
    const anchored = track.next;
    // Swinging round an anchor dropped 10 m inside the east edge: up to ±300 m either
    // side of it over 6 hours, SOG noise up to 2.5 kn, GPS jitter on top.
    track.hold(6 * HOUR_S, {
      stepS: 30,
      sog: (rng) => rng() * 2.5,
      navStatus: 1,
      jitterM: 40,
      offset: (i) => [300 * Math.sin(i / 25), 200 * Math.cos(i / 40)],
    });
    track.sail(4_000, -7_000, 9).sail(6_000, -14_000, 12).sail(20_000, -30_000, 14);
    const crossings = track.fixes
      .slice(anchored)
      .filter((f, i, all) => i > 0 && insideAnchorage(f) !== insideAnchorage(all[i - 1]!));
    expect(crossings.length).toBeGreaterThan(10); // it really does cross the edge, often
    const events = run(newTracker(), track.fixes);
    expect(codes(events)).toEqual(['ATA-Anchorage', 'ATD-Anchorage']);
    expect(timeOf(events[0])).toBe(firstTime(track, 0, insideAnchorage));
    expectValid(events, track);
  });

  it('does not flap for a vessel moored at the edge of a berth buffer with jitter and SOG noise', () => {
    const track = new Track('418000006', T0, 450, -400, 4);
    track.sail(450, -120, 2).sail(450, -75, 1.2);
    const berth = track.next;
    track.hold(12 * HOUR_S, {
      stepS: 60,
      // Mostly still, some 0.5-0.9 kn noise, and an odd 1.5 kn spike after the first hour.
      sog: (rng, i) =>
        i > 60 && i % 97 === 0 ? 1.5 : rng() < 0.2 ? 0.5 + rng() * 0.4 : rng() * 0.4,
      jitterM: 25, // y between -100 and -50: in and out of the 30 m buffer (y ≥ -80)
    });
    const leave = track.next;
    track.sail(450, -400, 4).sail(6_000, -14_000, 12);
    const events = run(newTracker(), track.fixes);
    expect(codes(events)).toEqual(['ATA-Berth', 'ATD-Berth']);
    const expectedStart = firstTime(
      track,
      berth,
      (f) => inBerthBuffer(f) && (f.position.sogKnots ?? 1) < 0.5,
    );
    expect(timeOf(events[0])).toBe(expectedStart);
    expect(timeOf(events[1])).toBe(track.fixes[leave]!.position.timeMs);
    expect(events[0]!.berthId).toBe('T1-B2');
  });
});

describe('VesselCallTracker: reception gaps', () => {
  it('keeps a silent vessel at its berth and reports its departure normally', () => {
    const track = new Track('421000009', T0, 6_500, -16_500);
    track.sail(PBP.x, PBP.y, 12).sail(1_500, -1_500, 10).sail(150, -120, 4).sail(150, -30, 1.2);
    const berth = track.next;
    track.hold(6 * HOUR_S, { sog: still, navStatus: 5 });
    track.silence(6 * HOUR_S);
    track.hold(4 * HOUR_S, { sog: still, navStatus: 5 });
    const leave = track.next;
    track.sail(150, -400, 3).sail(6_500, -16_500, 12);
    const events = run(newTracker(), track.fixes);
    expect(codes(events)).toEqual(['ATA-PBP', 'ATA-Berth', 'ATD-Berth']);
    expect(timeOf(events[1])).toBe(track.fixes[berth]!.position.timeMs);
    expect(timeOf(events[2])).toBe(track.fixes[leave]!.position.timeMs);
  });

  it('does not invent an arrival seen only after a long gap; stamps the departure when last seen', () => {
    const track = new Track('422000010', T0, 6_500, -16_500);
    track.sail(PBP.x, PBP.y, 12).sail(2_600, -8_000, 10).sail(1_000, -8_000, 4);
    track.hold(4 * HOUR_S, { sog: atAnchor, navStatus: 1, jitterM: 30 });
    const lastAtAnchor = track.fixes.at(-1)!.position.timeMs;
    track.silence(5 * HOUR_S, { x: 150, y: -25 });
    track.hold(10 * HOUR_S, { sog: still, navStatus: 5 });
    const leave = track.next;
    track.sail(150, -400, 3).sail(6_500, -16_500, 12);
    const events = run(newTracker(), track.fixes);
    expect(codes(events)).toEqual(['ATA-PBP', 'ATA-Anchorage', 'ATD-Anchorage', 'ATD-Berth']);
    expect(new Set(events.map((e) => e.callId)).size).toBe(1);
    expect(timeOf(events[2])).toBe(lastAtAnchor);
    expect(timeOf(events[3])).toBe(track.fixes[leave]!.position.timeMs);
    expect(events[3]!.berthId).toBe('T1-B1');
  });

  it('gives a vessel already alongside when first heard no ATA-Berth', () => {
    const track = new Track('423000011', T0, 150, -25);
    track.hold(5 * HOUR_S, { sog: still, navStatus: 5 });
    const leave = track.next;
    track.sail(150, -400, 3).sail(6_500, -16_500, 12);
    const events = run(newTracker(), track.fixes);
    expect(codes(events)).toEqual(['ATD-Berth']);
    expect(timeOf(events[0])).toBe(track.fixes[leave]!.position.timeMs);
    expect(events[0]!.callId).toBe(
      `ais-423000011-${Math.floor(track.fixes[0]!.position.timeMs / 1000)}`,
    );
  });
});
