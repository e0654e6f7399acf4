import { describe, expect, it } from 'vitest';
import { readReplayAddress, writeReplayAddress } from './replay-url.ts';

describe('the replay address', () => {
  it('reads day, instant, speed, view and compare, and writes them back the same', () => {
    const search =
      '?day=2026-11-30&at=2026-11-30T06%3A15%3A00.000Z&speed=900&view=122.051234,30.62,15.5,12,30&compare=2026-11-29';
    const { address, ignored } = readReplayAddress(search);
    expect(ignored).toEqual([]);
    expect(address).toEqual({
      day: '2026-11-30',
      atMs: Date.parse('2026-11-30T06:15:00Z'),
      speed: 900,
      view: { center: [122.051234, 30.62], zoom: 15.5, bearing: 12, pitch: 30 },
      compare: '2026-11-29',
    });
    expect(readReplayAddress(writeReplayAddress(address)).address).toEqual(address);
  });

  it('takes a view of centre and zoom only, flat and north up', () => {
    expect(readReplayAddress('?view=122,30.6,14').address.view).toEqual({
      center: [122, 30.6],
      zoom: 14,
      bearing: 0,
      pitch: 0,
    });
  });

  it('names each damaged part and keeps the rest', () => {
    const { address, ignored } = readReplayAddress(
      '?day=2026-02-30&at=noon&speed=7&view=500,30,14&compare=2026-11-29',
    );
    expect(address).toEqual({ compare: '2026-11-29' });
    expect(ignored).toEqual(['day=2026-02-30', 'at=noon', 'speed=7', 'view=500,30,14']);
    expect(readReplayAddress('?at=2026-11-30T06:15:00').ignored).toEqual([
      'at=2026-11-30T06:15:00',
    ]);
  });

  it('writes nothing it was not given', () => {
    expect(writeReplayAddress({})).toBe('?');
    expect(writeReplayAddress({ day: '2026-11-30' })).toBe('?day=2026-11-30');
  });
});
