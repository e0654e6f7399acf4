import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/helpers/temp-dir.ts';
import { DEFAULT_KPI_CHOICES, loadKpiChoices } from './kpi-choices.ts';

describe('the KPI definition choices', () => {
  const dir = tempDir('kpi-choices');
  afterAll(() => dir.remove());
  const file = (name: string, text: string) => {
    const path = join(dir.path, name);
    writeFileSync(path, text);
    return path;
  };

  it('are the TIC 4.0 defaults without a file', () => {
    expect(loadKpiChoices(undefined)).toEqual(DEFAULT_KPI_CHOICES);
    expect(DEFAULT_KPI_CHOICES.truckTurnTimeFrom).toBe('gate_in_completed');
  });

  it('take what a file chooses', () => {
    const path = file('ok.json', '{"truckTurnTimeFrom": "gate_arrival"}');
    expect(loadKpiChoices(path)).toEqual({ truckTurnTimeFrom: 'gate_arrival' });
  });

  it('refuse a file with every problem listed', () => {
    const path = file('bad.json', '{"truckTurnTimeFrom": "gate_out", "craneRate": "net"}');
    expect(() => loadKpiChoices(path)).toThrow(
      /truckTurnTimeFrom must be one of gate_in_completed, gate_arrival, not "gate_out"[\s\S]*unknown choice craneRate/,
    );
    expect(() => loadKpiChoices(file('list.json', '[]'))).toThrow(/must be one JSON object/);
    expect(() => loadKpiChoices(file('broken.json', '{'))).toThrow(/cannot read it as JSON/);
    expect(() => loadKpiChoices(join(dir.path, 'missing.json'))).toThrow(/cannot read it/);
  });
});
