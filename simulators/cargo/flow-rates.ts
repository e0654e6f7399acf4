// The average daily flows the configured liner schedule brings: what the warm start
// stocks the yard with and what rate hauliers come to collect imports at, so the yard
// neither empties nor overflows.
import type { SimulationConfig } from '../simulation-config.ts';

export interface DailyFlows {
  movesPerDay: number;
  importsPerDay: number;
  exportsPerDay: number;
  transshipmentsPerDay: number;
  emptiesPerDay: number;
}

export function dailyFlows(config: SimulationConfig): DailyFlows {
  const movesPerDay = Object.values(config.vessels).reduce(
    (sum, spec) => sum + (spec.callsPerWeek / 7) * ((spec.moves[0] + spec.moves[1]) / 2),
    0,
  );
  const { cargo } = config;
  const discharged = movesPerDay * cargo.dischargeShare;
  const loaded = movesPerDay - discharged;
  return {
    movesPerDay,
    importsPerDay: discharged * cargo.dischargeFlows.import,
    exportsPerDay: loaded * cargo.loadFlows.export,
    transshipmentsPerDay: discharged * cargo.dischargeFlows.transshipment,
    emptiesPerDay: discharged * cargo.dischargeFlows.empty,
  };
}
