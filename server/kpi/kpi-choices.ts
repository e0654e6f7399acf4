// Where terminals define a KPI differently, the choice in force. The defaults follow TIC
// 4.0 (domain.md); a port that reports the other way names a JSON file in
// QUAYSIDE_KPI_DEFINITIONS: { "truckTurnTimeFrom": "gate_arrival" }. The file is checked
// whole at start and every problem listed.
import { readFileSync } from 'node:fs';
import { ConfigError } from '../config.ts';

export interface KpiChoices {
  /**
   * Where a truck's turn time starts: in-gate completion (TIC 4.0, the time inside the
   * terminal) or joining the in-gate queue (the haulier's "visit time", as HTA reports it).
   */
  truckTurnTimeFrom: 'gate_in_completed' | 'gate_arrival';
}

export const DEFAULT_KPI_CHOICES: KpiChoices = { truckTurnTimeFrom: 'gate_in_completed' };

const ALLOWED: { [K in keyof KpiChoices]: readonly KpiChoices[K][] } = {
  truckTurnTimeFrom: ['gate_in_completed', 'gate_arrival'],
};

export function loadKpiChoices(path: string | undefined): KpiChoices {
  if (!path) return DEFAULT_KPI_CHOICES;
  let given: unknown;
  try {
    given = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ConfigError(
      `KPI definitions ${path}: cannot read it as JSON: ${(error as Error).message}`,
    );
  }
  if (typeof given !== 'object' || given === null || Array.isArray(given))
    throw new ConfigError(`KPI definitions ${path}: must be one JSON object`);
  const problems: string[] = [];
  const choices: Record<string, unknown> = { ...DEFAULT_KPI_CHOICES };
  for (const [name, value] of Object.entries(given)) {
    const allowed = (ALLOWED as Record<string, readonly unknown[]>)[name];
    if (!allowed)
      problems.push(`unknown choice ${name}; choices are ${Object.keys(ALLOWED).join(', ')}`);
    else if (!allowed.includes(value))
      problems.push(`${name} must be one of ${allowed.join(', ')}, not ${JSON.stringify(value)}`);
    else choices[name] = value;
  }
  if (problems.length > 0)
    throw new ConfigError(`KPI definitions ${path} are invalid:\n  ${problems.join('\n  ')}`);
  return choices as unknown as KpiChoices;
}
