import { describe, expect, it } from 'vitest';
import { buildDemoPort } from '../../server/port-model/demo-port.ts';
import { IdentityFactory } from '../identity/identity-factory.ts';
import { createRng } from '../rng.ts';
import { DEFAULT_CONFIG } from '../simulation-config.ts';
import { readPortLayout } from '../world/port-layout.ts';
import { BerthPlanner } from './berth-planner.ts';
import { callsBetween, planServices } from './liner-schedule.ts';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 23); // a Monday
const layout = readPortLayout(buildDemoPort());
const services = planServices(
  DEFAULT_CONFIG,
  layout.berths,
  new IdentityFactory(createRng(1)),
  createRng(2),
);
const root = createRng(3);
/** A fresh stream per call label, as the simulation's context gives. */
const rngFor = (label: string) => root.fork(label);

describe('the liner schedule', () => {
  it('plans the configured calls a week, each service on berths its ships fit', () => {
    const perWeek = Object.values(DEFAULT_CONFIG.vessels).reduce(
      (sum, s) => sum + s.callsPerWeek,
      0,
    );
    expect(services).toHaveLength(perWeek);
    for (const service of services) {
      const berth = layout.berths.find((b) => b.id === service.preferredBerth)!;
      expect(BerthPlanner.fits(berth, DEFAULT_CONFIG.vessels[service.vesselClass])).toBe(true);
      expect(service.ships.length).toBeGreaterThanOrEqual(4);
    }
  });

  it('brings about the weekly number of calls in a week, around their berth windows', () => {
    const calls = callsBetween(services, DEFAULT_CONFIG, T0, T0 + 7 * DAY, rngFor);
    expect(calls.length).toBeGreaterThan(services.length - 4);
    expect(calls.length).toBeLessThan(services.length + 4);
    for (const call of calls) {
      expect(call.arrivalMs - call.windowMs).toBeGreaterThan(-12 * 3_600_000);
      expect(call.arrivalMs - call.windowMs).toBeLessThan(24 * 3_600_000);
      expect(call.dischargeMoves + call.loadMoves).toBeGreaterThan(0);
    }
  });

  it('gives the same calls whichever window asks, so planning day by day adds up', () => {
    const week = callsBetween(services, DEFAULT_CONFIG, T0, T0 + 7 * DAY, rngFor);
    const byDay = Array.from({ length: 7 }, (_, d) =>
      callsBetween(services, DEFAULT_CONFIG, T0 + d * DAY, T0 + (d + 1) * DAY, rngFor),
    ).flat();
    expect(byDay).toEqual(week);
  });
});
