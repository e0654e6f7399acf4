import { describe, expect, it } from 'vitest';
import { kpisOf, machine, valueOf } from '../test-support/events.ts';

describe('equipment utilisation and availability', () => {
  // Window [0, 100) minutes.
  const kpis = kpisOf(
    [
      machine(-20, 'QC1', 'sts', 'working', 'C1'), // from before the window
      machine(20, 'QC1', 'sts', 'fault', 'C1'),
      machine(50, 'QC1', 'sts', 'idle'),
      machine(80, 'QC1', 'sts', 'travelling_empty'),
      machine(40, 'T1', 'truck', 'travelling_loaded'), // first seen at 40
      machine(60, 'T1', 'truck', 'waiting'),
      machine(120, 'T1', 'truck', 'fault'), // after the window
    ],
    0,
    100,
  );

  it('utilisation: working or travelling ÷ time not in fault', () => {
    expect(valueOf(kpis, 'equipment.utilisation', 'kind:sts')).toBeCloseTo(40 / 70, 12);
    expect(valueOf(kpis, 'equipment.utilisation', 'kind:truck')).toBeCloseTo(20 / 60, 12);
    expect(valueOf(kpis, 'equipment.utilisation')).toBeCloseTo(60 / 130, 12);
  });

  it('availability: not in fault ÷ observed, observed from the first state event', () => {
    expect(valueOf(kpis, 'equipment.availability', 'kind:sts')).toBeCloseTo(0.7, 12);
    expect(valueOf(kpis, 'equipment.availability', 'kind:truck')).toBe(1);
    expect(valueOf(kpis, 'equipment.availability')).toBeCloseTo(130 / 160, 12);
  });

  it('has no values for a kind never observed, or a machine in fault throughout', () => {
    expect(valueOf(kpis, 'equipment.utilisation', 'kind:agv')).toBeNull();
    expect(valueOf(kpis, 'equipment.availability', 'kind:agv')).toBeNull();
    const broken = kpisOf([machine(-5, 'S1', 'scanner', 'fault')], 0, 60);
    expect(valueOf(broken, 'equipment.utilisation', 'kind:scanner')).toBeNull();
    expect(valueOf(broken, 'equipment.availability', 'kind:scanner')).toBe(0);
  });
});
