import { describe, expect, it } from 'vitest';
import { createRng } from '../rng.ts';
import type { BlockSite } from '../world/port-layout.ts';
import type { Container } from './container.ts';
import { ContainerRegistry } from './container-registry.ts';
import { YardStorage } from './yard-storage.ts';

const site = (id: string, kind: BlockSite['kind'], tiers = 3): BlockSite => ({
  id,
  kind,
  bays: 4, // two 40-foot positions
  rows: 2,
  tiers,
  origin: [0, 0],
  axis: [1, 0],
  inland: [0, 1],
  lengthM: 26,
  depthM: 6,
});
const box = (n: number): Container => ({
  number: `BOX${n}`,
  isoCode: '22G1',
  cargo: 'general',
  flow: 'import',
  sinceMs: 0,
});

function yard(blocks = [site('A', 'import'), site('B', 'export')]) {
  const registry = new ContainerRegistry();
  return { registry, storage: new YardStorage(blocks, registry), rng: createRng(1) };
}

describe('YardStorage', () => {
  it('stacks boxes on reserved space, tier by tier', () => {
    const { registry, storage, rng } = yard([site('A', 'import')]);
    const stack = storage.reserve('A', rng);
    const first = storage.place('BOX1', 'new', stack, box(1));
    storage.place('BOX2', 'new', storage.reserve('A', rng, undefined), box(2));
    expect(first).toMatchObject({ at: 'slot', blockId: 'A', tier: 1 });
    expect(registry.where('BOX1')).toEqual(first);
    expect(storage.freeSpace('A')).toBe(2 * 2 * 3 - 2);
  });

  it('counts reserved space as taken until the box arrives', () => {
    const { storage, rng } = yard([site('A', 'import', 1)]);
    for (let i = 0; i < 4; i += 1) storage.reserve('A', rng);
    expect(storage.freeSpace('A')).toBe(0);
    expect(() => storage.reserve('A', rng)).toThrow('yard block A is full');
  });

  it('lifts only the top box of a stack and names the boxes above one', () => {
    const oneStack = { ...site('A', 'import'), bays: 2, rows: 1 };
    const { storage, rng } = yard([oneStack]);
    storage.place('BOX1', 'new', storage.reserve('A', rng), box(1));
    storage.place('BOX2', 'new', storage.reserve('A', rng), box(2));
    storage.place('BOX3', 'new', storage.reserve('A', rng), box(3));
    expect(storage.boxesAbove('BOX1')).toEqual(['BOX3', 'BOX2']);
    const crane = { at: 'equipment' as const, equipmentId: 'ASC' };
    expect(() => storage.lift('BOX1', crane)).toThrow('not on top of its stack');
    storage.lift('BOX3', crane);
    expect(storage.stackOfBox('BOX3')).toBeUndefined();
    expect(storage.boxesAbove('BOX1')).toEqual(['BOX2']);
  });

  it('knows a box being rehandled by the stack it is moving to', () => {
    const { storage, rng } = yard([site('A', 'import')]);
    const from = storage.reserve('A', rng);
    storage.place('BOX1', 'new', from, box(1));
    const to = storage.reserve('A', rng, from);
    storage.lift('BOX1', { at: 'equipment', equipmentId: 'ASC' }, to);
    expect(storage.stackOfBox('BOX1')).toEqual(to);
  });

  it('rehandles to the nearest other stack with room', () => {
    const { storage, rng } = yard([site('A', 'import')]);
    const from = { blockId: 'A', position: 0, row: 0 };
    const to = storage.reserve('A', rng, from);
    expect(to).not.toEqual(from);
    expect(Math.abs(to.position - from.position) + Math.abs(to.row - from.row)).toBe(1);
  });

  it('sends a box to a block of its kind, or any with room when there is none', () => {
    const { storage, rng } = yard([site('A', 'import'), site('B', 'export')]);
    for (let i = 0; i < 20; i += 1) expect(storage.chooseBlock('export', rng).id).toBe('B');
    expect(['A', 'B']).toContain(storage.chooseBlock('reefer', rng).id);
  });

  it('keeps claimed boxes out of the pools it offers', () => {
    const { storage, rng } = yard([site('A', 'import')]);
    storage.place('BOX1', 'new', storage.reserve('A', rng), box(1));
    storage.place('BOX2', 'new', storage.reserve('A', rng), box(2));
    storage.claim('BOX1');
    expect([...storage.unclaimed('import')]).toEqual(['BOX2']);
    expect(() => storage.claim('BOX1')).toThrow('claimed already');
    storage.unclaim('BOX1');
    expect([...storage.unclaimed('import')].sort()).toEqual(['BOX1', 'BOX2']);
  });
});
