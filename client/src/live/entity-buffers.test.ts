import { describe, expect, it } from 'vitest';
import type { EquipmentKind, EquipmentState } from '../../../protocol/equipment.ts';
import type { PositionColumns } from '../../../protocol/live.ts';
import { EntityBuffers, UNKNOWN_STATE } from './entity-buffers.ts';

interface Fix {
  id: string;
  timeMs: number;
  lon: number;
  lat: number;
  kind?: EquipmentKind;
  headingDeg?: number;
  speedMps?: number;
  state?: EquipmentState;
}

const columns = (...fixes: Fix[]): PositionColumns => ({
  ids: fixes.map((f) => f.id),
  kinds: fixes.map((f) => f.kind ?? 'truck'),
  timeMs: fixes.map((f) => f.timeMs),
  lon: fixes.map((f) => f.lon),
  lat: fixes.map((f) => f.lat),
  headingDeg: fixes.map((f) => f.headingDeg ?? null),
  speedMps: fixes.map((f) => f.speedMps ?? null),
  state: fixes.map((f) => f.state ?? null),
});

/** Where the entity is drawn now, as [lon, lat]. */
const drawn = (buffers: EntityBuffers, id: string): [number, number] => {
  const slot = buffers.slotOf(id);
  if (slot === undefined) throw new Error(`no entity ${id}`);
  return [buffers.positions[slot * 2]!, buffers.positions[slot * 2 + 1]!];
};

const expectDrawnAt = (buffers: EntityBuffers, id: string, [lon, lat]: [number, number]) => {
  const [x, y] = drawn(buffers, id);
  expect(x).toBeCloseTo(lon, 9);
  expect(y).toBeCloseTo(lat, 9);
};

describe('EntityBuffers', () => {
  it('describes one entity’s latest fix, whatever is drawn between fixes', () => {
    const buffers = new EntityBuffers(2);
    buffers.apply(columns({ id: 'QC01', kind: 'sts', timeMs: 1_000, lon: 122, lat: 30 }), 0);
    buffers.apply(
      columns({
        id: 'QC01',
        kind: 'sts',
        timeMs: 2_000,
        lon: 122.001,
        lat: 30,
        headingDeg: 180,
        speedMps: 0.5,
        state: 'working',
      }),
      0,
    );
    buffers.interpolate(500); // half way: drawn between the fixes
    expect(buffers.describe('QC01')).toEqual({
      id: 'QC01',
      kind: 'sts',
      state: 'working',
      headingDeg: 180,
      speedMps: 0.5,
      fixTimeMs: 2_000,
      lon: 122.001,
      lat: 30,
    });
    buffers.apply(columns({ id: 'TT1', timeMs: 1_000, lon: 122, lat: 30 }), 0);
    expect(buffers.describe('TT1')).toMatchObject({ state: undefined, headingDeg: undefined });
    expect(buffers.describe('nobody')).toBeUndefined();
  });

  it('says whether anything is still moving, so an idle map need not redraw', () => {
    const buffers = new EntityBuffers(2);
    buffers.apply(columns({ id: 'TT1', timeMs: 1_000, lon: 122, lat: 30 }), 0);
    expect(buffers.interpolate(100)).toBe(false); // placed at its first fix at once
    buffers.apply(columns({ id: 'TT1', timeMs: 2_000, lon: 122.001, lat: 30 }), 1_000);
    expect(buffers.interpolate(1_500)).toBe(true);
    expect(buffers.interpolate(60_000)).toBe(true); // arrives
    expect(buffers.interpolate(61_000)).toBe(false); // and stays
  });

  it('starts empty', () => {
    const buffers = new EntityBuffers();
    expect(buffers.count).toBe(0);
    expect(buffers.ids).toEqual([]);
    expect(buffers.newestFixMs()).toBeUndefined();
  });

  it('puts a new entity at its fix at once, before and after interpolate', () => {
    const buffers = new EntityBuffers();
    buffers.apply(columns({ id: 'A', timeMs: 1_000, lon: 122.1, lat: 30.6, kind: 'agv' }), 5_000);
    expect(buffers.count).toBe(1);
    expect(buffers.ids).toEqual(['A']);
    expect(buffers.kindOf(buffers.slotOf('A')!)).toBe('agv');
    expectDrawnAt(buffers, 'A', [122.1, 30.6]);
    buffers.interpolate(5_000);
    expectDrawnAt(buffers, 'A', [122.1, 30.6]);
  });

  it('glides to a second fix over the time between the fixes', () => {
    const buffers = new EntityBuffers();
    buffers.apply(columns({ id: 'A', timeMs: 1_000, lon: 122.0, lat: 30.0 }), 10_000);
    buffers.interpolate(10_000);
    buffers.apply(columns({ id: 'A', timeMs: 2_000, lon: 122.2, lat: 30.4 }), 10_000);

    buffers.interpolate(10_000);
    expectDrawnAt(buffers, 'A', [122.0, 30.0]);
    buffers.interpolate(10_500);
    expectDrawnAt(buffers, 'A', [122.1, 30.2]);
    buffers.interpolate(11_000);
    expectDrawnAt(buffers, 'A', [122.2, 30.4]);
    buffers.interpolate(60_000);
    expectDrawnAt(buffers, 'A', [122.2, 30.4]);
  });

  it.each([
    ['at least 200 ms', 50, 100],
    ['at most 2 s', 10_000, 1_000],
  ])('glides for %s', (_label, fixInterval, halfwayMs) => {
    const buffers = new EntityBuffers();
    buffers.apply(columns({ id: 'A', timeMs: 0, lon: 0, lat: 0 }), 0);
    buffers.interpolate(0);
    buffers.apply(columns({ id: 'A', timeMs: fixInterval, lon: 1, lat: 1 }), 0);
    buffers.interpolate(halfwayMs);
    expectDrawnAt(buffers, 'A', [0.5, 0.5]);
  });

  it('glides over the time it is told, whatever the fixes’ distance in data time', () => {
    const buffers = new EntityBuffers();
    buffers.apply(columns({ id: 'A', timeMs: 0, lon: 0, lat: 0 }), 0);
    buffers.interpolate(0);
    // A replay at 3600x: fixes an hour apart in data time, sent 250 ms apart.
    buffers.apply(columns({ id: 'A', timeMs: 3_600_000, lon: 1, lat: 1 }), 0, 250);
    buffers.interpolate(125);
    expectDrawnAt(buffers, 'A', [0.5, 0.5]);
    buffers.interpolate(250);
    expectDrawnAt(buffers, 'A', [1, 1]);
  });

  it('drops the entities it is not told to keep, and keeps the rest whole', () => {
    const buffers = new EntityBuffers(2);
    buffers.apply(
      columns(
        { id: 'A', timeMs: 1, lon: 1, lat: 10, state: 'idle' },
        { id: 'B', timeMs: 2, lon: 2, lat: 20, kind: 'agv', state: 'working' },
        { id: 'C', timeMs: 3, lon: 3, lat: 30, kind: 'sts', headingDeg: 45, state: 'fault' },
      ),
      0,
    );
    buffers.interpolate(0);
    const version = buffers.version;
    buffers.retain(new Set(['C', 'B']));
    expect(buffers.count).toBe(2);
    expect(buffers.slotOf('A')).toBeUndefined();
    expect(buffers.version).toBeGreaterThan(version);
    expect(buffers.describe('C')).toMatchObject({
      kind: 'sts',
      headingDeg: 45,
      state: 'fault',
      lon: 3,
    });
    expect(buffers.describe('B')).toMatchObject({ kind: 'agv', state: 'working', lon: 2 });
    expectDrawnAt(buffers, 'C', [3, 30]);
    expect(buffers.ids.slice(0, buffers.count).sort()).toEqual(['B', 'C']);
    buffers.retain(new Set());
    expect(buffers.count).toBe(0);
    // Slots freed are taken again.
    buffers.apply(columns({ id: 'A', timeMs: 5, lon: 5, lat: 50 }), 0);
    expect(buffers.describe('A')).toMatchObject({ lon: 5, fixTimeMs: 5 });
  });

  it('starts a new glide from where the entity is drawn, not from the last fix', () => {
    const buffers = new EntityBuffers();
    buffers.apply(columns({ id: 'A', timeMs: 0, lon: 0, lat: 0 }), 0);
    buffers.interpolate(0);
    buffers.apply(columns({ id: 'A', timeMs: 1_000, lon: 1, lat: 0 }), 0);
    buffers.interpolate(500); // drawn at 0.5
    buffers.apply(columns({ id: 'A', timeMs: 2_000, lon: 1, lat: 1 }), 500);
    buffers.interpolate(500);
    expectDrawnAt(buffers, 'A', [0.5, 0]);
    buffers.interpolate(1_000);
    expectDrawnAt(buffers, 'A', [0.75, 0.5]);
  });

  it('ignores a fix older than the one it has', () => {
    const buffers = new EntityBuffers();
    buffers.apply(columns({ id: 'A', timeMs: 2_000, lon: 1, lat: 1, headingDeg: 90 }), 0);
    const version = buffers.version;
    buffers.apply(
      columns({ id: 'A', timeMs: 1_000, lon: 5, lat: 5, headingDeg: 180, state: 'fault' }),
      100,
    );
    buffers.interpolate(10_000);
    expectDrawnAt(buffers, 'A', [1, 1]);
    expect(buffers.headings[buffers.slotOf('A')!]).toBe(90);
    expect(buffers.states[buffers.slotOf('A')!]).toBe(UNKNOWN_STATE);
    expect(buffers.newestFixMs()).toBe(2_000);
    expect(buffers.version).toBe(version);
  });

  it('records heading and state, with NaN and UNKNOWN_STATE for absent ones', () => {
    const buffers = new EntityBuffers();
    buffers.apply(
      columns(
        { id: 'A', timeMs: 1, lon: 0, lat: 0, headingDeg: 45, state: 'travelling_loaded' },
        { id: 'B', timeMs: 1, lon: 0, lat: 0 },
      ),
      0,
    );
    const [a, b] = [buffers.slotOf('A')!, buffers.slotOf('B')!];
    expect(buffers.headings[a]).toBe(45);
    expect(buffers.states[a]).toBe(3); // index in EQUIPMENT_STATES
    expect(buffers.headings[b]).toBeNaN();
    expect(buffers.states[b]).toBe(UNKNOWN_STATE);
  });

  it('grows past its initial capacity and keeps what it held', () => {
    const buffers = new EntityBuffers(2);
    const fixes = Array.from({ length: 9 }, (_, i) => ({
      id: `E${i}`,
      timeMs: 1_000 + i,
      lon: 120 + i,
      lat: 30 + i / 10,
      kind: i % 2 === 0 ? ('sts' as const) : ('truck' as const),
      headingDeg: i * 10,
      state: 'idle' as const,
    }));
    for (const fix of fixes) buffers.apply(columns(fix), 0);
    expect(buffers.count).toBe(9);
    expect(buffers.ids).toEqual(fixes.map((f) => f.id));
    buffers.interpolate(0);
    for (const fix of fixes) {
      const slot = buffers.slotOf(fix.id)!;
      expectDrawnAt(buffers, fix.id, [fix.lon, fix.lat]);
      expect(buffers.kindOf(slot)).toBe(fix.kind);
      expect(buffers.headings[slot]).toBe(fix.headingDeg);
      expect(buffers.states[slot]).toBe(1); // idle
    }
    expect(buffers.newestFixMs()).toBe(1_008);
  });

  it('keeps a glide in progress across growth', () => {
    const buffers = new EntityBuffers(1);
    buffers.apply(columns({ id: 'A', timeMs: 0, lon: 0, lat: 0 }), 0);
    buffers.interpolate(0);
    buffers.apply(columns({ id: 'A', timeMs: 1_000, lon: 1, lat: 1 }), 0);
    buffers.apply(columns({ id: 'B', timeMs: 0, lon: 9, lat: 9 }), 0); // grows
    buffers.interpolate(500);
    expectDrawnAt(buffers, 'A', [0.5, 0.5]);
  });

  it('forgets everything on clear() and takes new entities afterwards', () => {
    const buffers = new EntityBuffers();
    buffers.apply(columns({ id: 'A', timeMs: 5_000, lon: 1, lat: 1 }), 0);
    const version = buffers.version;
    buffers.clear();
    expect(buffers.count).toBe(0);
    expect(buffers.ids).toEqual([]);
    expect(buffers.slotOf('A')).toBeUndefined();
    expect(buffers.newestFixMs()).toBeUndefined();
    expect(buffers.version).toBeGreaterThan(version);

    buffers.apply(columns({ id: 'B', timeMs: 1_000, lon: 2, lat: 2 }), 0);
    expect(buffers.slotOf('B')).toBe(0);
    expectDrawnAt(buffers, 'B', [2, 2]);
    expect(buffers.newestFixMs()).toBe(1_000);
  });

  it('does not let a cleared entity block an older fix of the same id', () => {
    const buffers = new EntityBuffers();
    buffers.apply(columns({ id: 'A', timeMs: 5_000, lon: 1, lat: 1 }), 0);
    buffers.clear();
    buffers.apply(columns({ id: 'A', timeMs: 1_000, lon: 2, lat: 2 }), 0);
    expectDrawnAt(buffers, 'A', [2, 2]);
  });

  describe('version', () => {
    it('bumps when an entity is added', () => {
      const buffers = new EntityBuffers();
      const before = buffers.version;
      buffers.apply(columns({ id: 'A', timeMs: 1, lon: 0, lat: 0, state: 'working' }), 0);
      expect(buffers.version).toBeGreaterThan(before);
    });

    it('bumps when a state changes', () => {
      const buffers = new EntityBuffers();
      buffers.apply(columns({ id: 'A', timeMs: 1, lon: 0, lat: 0, state: 'working' }), 0);
      const before = buffers.version;
      buffers.apply(columns({ id: 'A', timeMs: 2, lon: 0, lat: 0, state: 'fault' }), 0);
      expect(buffers.version).toBeGreaterThan(before);
    });

    it('bumps when a state goes away', () => {
      const buffers = new EntityBuffers();
      buffers.apply(columns({ id: 'A', timeMs: 1, lon: 0, lat: 0, state: 'working' }), 0);
      const before = buffers.version;
      buffers.apply(columns({ id: 'A', timeMs: 2, lon: 0, lat: 0 }), 0);
      expect(buffers.version).toBeGreaterThan(before);
    });

    it('stays the same when only the position moves', () => {
      const buffers = new EntityBuffers();
      buffers.apply(columns({ id: 'A', timeMs: 1, lon: 0, lat: 0, state: 'working' }), 0);
      const before = buffers.version;
      buffers.apply(columns({ id: 'A', timeMs: 2, lon: 1, lat: 1, state: 'working' }), 0);
      buffers.interpolate(100);
      expect(buffers.version).toBe(before);
    });
  });

  it('gives the newest fix time over all entities', () => {
    const buffers = new EntityBuffers();
    buffers.apply(
      columns(
        { id: 'A', timeMs: 3_000, lon: 0, lat: 0 },
        { id: 'B', timeMs: 7_000, lon: 0, lat: 0 },
        { id: 'C', timeMs: 5_000, lon: 0, lat: 0 },
      ),
      0,
    );
    expect(buffers.newestFixMs()).toBe(7_000);
    buffers.apply(columns({ id: 'A', timeMs: 9_000, lon: 0, lat: 0 }), 0);
    expect(buffers.newestFixMs()).toBe(9_000);
  });
});

describe('a buffer made with no capacity', () => {
  it('grows on its first entity', () => {
    const buffers = new EntityBuffers(0);
    buffers.apply(
      {
        ids: ['A'],
        kinds: ['agv'],
        timeMs: [1],
        lon: [122],
        lat: [30],
        headingDeg: [null],
        speedMps: [null],
        state: [null],
      },
      0,
    );
    expect(buffers.count).toBe(1);
    expect([...buffers.positions.subarray(0, 2)]).toEqual([122, 30]);
  });
});
