import { describe, expect, it } from 'vitest';
import type { Container } from './container.ts';
import { ContainerRegistry, type ContainerLocation } from './container-registry.ts';

const box = (number: string): Container => ({
  number,
  isoCode: '45G1',
  cargo: 'general',
  flow: 'import',
  sinceMs: 0,
});
const onAgv: ContainerLocation = { at: 'equipment', equipmentId: 'AGV001' };
const slot: ContainerLocation = { at: 'slot', blockId: 'T1-YA01', position: 2, row: 3, tier: 1 };
const vessel: ContainerLocation = { at: 'vessel', callId: 'C1' };

describe('ContainerRegistry', () => {
  it('knows where each box is and follows its moves', () => {
    const registry = new ContainerRegistry();
    registry.create(box('CSQU3054383'), vessel);
    registry.move('CSQU3054383', vessel, onAgv);
    expect(registry.where('CSQU3054383')).toEqual(onAgv);
    expect(registry.heldBy('AGV001')).toBe('CSQU3054383');
    registry.move('CSQU3054383', onAgv, slot);
    expect(registry.heldBy('AGV001')).toBeUndefined();
    expect(registry.census()).toEqual({ vessel: 0, equipment: 0, slot: 1, inspection: 0, gone: 0 });
  });

  it('refuses a move from somewhere the box is not', () => {
    const registry = new ContainerRegistry();
    registry.create(box('CSQU3054383'), vessel);
    expect(() => registry.move('CSQU3054383', onAgv, slot)).toThrow(
      /is at .*vessel.*not at .*AGV001/,
    );
  });

  it('never puts two boxes on one holder or in one slot', () => {
    const registry = new ContainerRegistry();
    registry.create(box('CSQU3054383'), onAgv);
    registry.create(box('MSCU1234565'), vessel);
    expect(() => registry.move('MSCU1234565', vessel, onAgv)).toThrow('already holds CSQU3054383');
    registry.move('MSCU1234565', vessel, slot);
    expect(() => registry.create(box('MAEU1234567'), slot)).toThrow('already holds MSCU1234565');
  });

  it('lets nothing come back once it has gone, and refuses a box twice', () => {
    const registry = new ContainerRegistry();
    registry.create(box('CSQU3054383'), vessel);
    registry.move('CSQU3054383', vessel, { at: 'gone' });
    expect(() => registry.move('CSQU3054383', { at: 'gone' }, slot)).toThrow(
      'has gone from the port',
    );
    expect(() => registry.create(box('CSQU3054383'), vessel)).toThrow('exists already');
  });

  it('tells a listener of every creation and move', () => {
    const registry = new ContainerRegistry();
    const seen: string[] = [];
    registry.onMove((c, from, to) => seen.push(`${c.number} ${from?.at ?? 'new'}→${to.at}`));
    registry.create(box('CSQU3054383'), vessel);
    registry.move('CSQU3054383', vessel, onAgv);
    expect(seen).toEqual(['CSQU3054383 new→vessel', 'CSQU3054383 vessel→equipment']);
  });
});
