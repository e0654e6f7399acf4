import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { VesselSummary } from '../../../protocol/vessel.ts';
import { REGISTRY_INTERVAL_MS, vesselInfoFrom, VesselRegistry } from './vessel-registry.ts';

const ship: VesselSummary = {
  mmsi: '413000001',
  name: 'HAI XING',
  imo: '9074729',
  callSign: 'BQRS',
  shipType: 70,
  lengthM: 300,
  beamM: 48,
  toBowM: 240,
  toSternM: 60,
  toPortM: 18,
  toStarboardM: 30,
  destination: 'CNNGB',
  lastPosition: { lon: 122.03, lat: 30.605, navStatus: 5, time: '2026-12-01T08:00:00Z' },
};

describe('vesselInfoFrom', () => {
  it('keeps what the map draws and says, and never a position', () => {
    expect(vesselInfoFrom(ship)).toEqual({
      mmsi: '413000001',
      name: 'HAI XING',
      imo: '9074729',
      callSign: 'BQRS',
      shipType: 70,
      toBowM: 240,
      toSternM: 60,
      toPortM: 18,
      toStarboardM: 30,
      navStatus: 5,
    });
  });

  it('drops blank names and values that are not numbers', () => {
    const odd = { mmsi: '413000002', name: '  ', toBowM: 'x', toSternM: null } as unknown;
    expect(vesselInfoFrom(odd as VesselSummary)).toEqual({ mmsi: '413000002' });
    expect(vesselInfoFrom({ mmsi: '' } as VesselSummary)).toBeUndefined();
  });
});

describe('VesselRegistry.replace', () => {
  it('moves the version only when something changed', () => {
    const registry = new VesselRegistry();
    expect(registry.loaded).toBe(false);
    expect(registry.replace([ship])).toBe(true);
    expect(registry.version).toBe(1);
    expect(registry.loaded).toBe(true);
    expect(registry.get('413000001')?.name).toBe('HAI XING');
    expect(registry.replace([{ ...ship }])).toBe(false);
    expect(registry.version).toBe(1);
    // Only the position moved: nothing the map uses from here changed.
    expect(
      registry.replace([{ ...ship, lastPosition: { ...ship.lastPosition!, lon: 122.04 } }]),
    ).toBe(false);
    expect(
      registry.replace([{ ...ship, lastPosition: { ...ship.lastPosition!, navStatus: 0 } }]),
    ).toBe(true);
    expect(registry.get('413000001')?.navStatus).toBe(0);
    expect(registry.replace([{ ...ship, name: 'HAI XING 2' }, { mmsi: '413000002' }])).toBe(true);
    expect(registry.size).toBe(2);
    expect(registry.replace([{ mmsi: '413000002' }])).toBe(true);
    expect(registry.get('413000001')).toBeUndefined();
    expect(registry.version).toBe(4);
  });
});

describe('VesselRegistry.start', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const reply = (vessels: VesselSummary[]) =>
    new Response(JSON.stringify({ vessels }), { headers: { 'content-type': 'application/json' } });

  it('reads the list at start and then every 30 s', async () => {
    const fetch = vi.fn(async () => reply([ship]));
    const registry = new VesselRegistry({ fetch });
    const stop = registry.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch.mock.calls[0]).toEqual(['/api/v1/vessels', expect.anything()]);
    expect(registry.get('413000001')?.name).toBe('HAI XING');
    await vi.advanceTimersByTimeAsync(REGISTRY_INTERVAL_MS - 100);
    expect(fetch).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(200);
    expect(fetch).toHaveBeenCalledTimes(2);
    stop();
    await vi.advanceTimersByTimeAsync(5 * REGISTRY_INTERVAL_MS);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('retries quietly and soon while the server is away, keeping what it knew', async () => {
    const error = vi.spyOn(console, 'error');
    const warn = vi.spyOn(console, 'warn');
    let up = true;
    const fetch = vi.fn(async () => {
      if (!up) throw new TypeError('Failed to fetch');
      return reply([ship]);
    });
    const registry = new VesselRegistry({ fetch, retryMs: 5_000 });
    registry.start();
    await vi.advanceTimersByTimeAsync(0);
    up = false;
    await vi.advanceTimersByTimeAsync(REGISTRY_INTERVAL_MS);
    expect(fetch).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(fetch).toHaveBeenCalledTimes(3);
    expect(registry.get('413000001')?.name).toBe('HAI XING');
    up = true;
    await vi.advanceTimersByTimeAsync(5_000);
    expect(fetch).toHaveBeenCalledTimes(4);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(fetch).toHaveBeenCalledTimes(4); // back to the normal interval
    expect(error).not.toHaveBeenCalled();
    expect(warn).not.toHaveBeenCalled();
    registry.stop();
  });

  it('treats an error status or a reply that is not a list as a failure', async () => {
    const replies = [
      new Response('busy', { status: 503 }),
      new Response('{"nope":1}'),
      new Response('not json'),
      reply([ship]),
    ];
    const fetch = vi.fn(async () => replies.shift()!);
    const registry = new VesselRegistry({ fetch, retryMs: 1_000 });
    registry.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(registry.loaded).toBe(false);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(fetch).toHaveBeenCalledTimes(4);
    expect(registry.loaded).toBe(true);
    expect(registry.size).toBe(1);
    registry.stop();
  });

  it('reads early, once, when the map shows a vessel it does not know', async () => {
    let vessels: VesselSummary[] = [ship];
    const fetch = vi.fn(async () => reply(vessels));
    const registry = new VesselRegistry({ fetch, minGapMs: 5_000 });
    registry.start();
    await vi.advanceTimersByTimeAsync(0);
    registry.notice(['413000001']); // known: nothing to do
    await vi.advanceTimersByTimeAsync(10_000);
    expect(fetch).toHaveBeenCalledTimes(1);

    vessels = [ship, { mmsi: '413000002', name: 'DONG HAI' }];
    registry.notice(['413000001', '413000002']);
    await vi.advanceTimersByTimeAsync(0);
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(registry.get('413000002')?.name).toBe('DONG HAI');

    // A vessel the server has no record of is asked about once, not on every frame.
    registry.notice(['413000003']);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(fetch).toHaveBeenCalledTimes(3);
    registry.notice(['413000003']);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(fetch).toHaveBeenCalledTimes(3);
    registry.stop();
  });

  it('can be started again after a stop (React strict mode mounts twice)', async () => {
    const fetch = vi.fn(async () => reply([ship]));
    const registry = new VesselRegistry({ fetch });
    registry.start()();
    const stop = registry.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(registry.size).toBe(1);
    stop();
  });
});
