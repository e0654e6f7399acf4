// Every number that shapes the simulated port, with the reasoning behind its default.
// Tests and the command line override parts of it; the rest is what a large automated
// container terminal with a customs port of entry looks like (../shared/docs/domain.md).
import type { EquipmentKind } from '../protocol/equipment.ts';

export type VesselClass = 'feeder' | 'regional' | 'mainline' | 'large';
export type RiskChannel = 'green' | 'yellow' | 'red';

export interface VesselClassSpec {
  lengthM: number;
  beamM: number;
  draughtM: number;
  /** Discharge plus load moves per call. */
  moves: [number, number];
  cranes: number;
  callsPerWeek: number;
}

export interface FaultSpec {
  /** Mean time between failures, in hours of operation. */
  mtbfHours: number;
  repairMedianMinutes: number;
}

export interface SimulationConfig {
  seed: number;
  /** First instant output; the port is simulated (silently) from this long before it. */
  warmUpHours: number;
  /** Moving things report this often (1 Hz); 0 turns position output off. */
  positionIntervalMs: number;
  /** Things standing still report this often. */
  stationaryReportIntervalMs: number;
  vessels: Record<VesselClass, VesselClassSpec>;
  /** Standard deviation of a ship's arrival around its berth window, and the late tail. */
  arrivalSpreadHours: number;
  lateArrivalShare: number;
  cargo: {
    /** Of a call's moves, the share discharged (the rest is loaded). */
    dischargeShare: number;
    dischargeFlows: { import: number; transshipment: number; empty: number };
    loadFlows: { export: number; transshipment: number; empty: number };
    reeferShare: number;
    dangerousShare: number;
    fortyFootShare: number;
    /** Import boxes picked up by truck under the crane, export boxes loaded off the truck. */
    directPickupShare: number;
    directLoadingShare: number;
    /** Export deliveries whose truck also picks up an import box. */
    dualTransactionShare: number;
    /** How long import boxes stay before the consignee collects them. */
    importDwellDays: number;
  };
  customs: {
    channelShares: Record<RiskChannel, number>;
    /** Share of declarations by Authorised Economic Operators. */
    aeoShare: number;
    /** An AEO's chance of a yellow or red channel, relative to others'. */
    aeoSelectionFactor: number;
    /** Scans whose image calls for a physical examination. */
    scanEscalationShare: number;
    /** Examinations that end with the goods held. */
    examinationHoldShare: number;
  };
  fleet: { agvs: number; terminalTrucks: number; hauliers: number };
  /** AGVs each working quay crane keeps coming to it. */
  agvsPerCrane: number;
  quayCraneCycleSeconds: { median: number; sigma: number };
  yardCraneCycleSeconds: { median: number; sigma: number };
  landsideCycleFactor: number;
  /** Remote operators for the stacking cranes' moves onto and off trucks. */
  remoteOperators: number;
  twistlockMinutes: [number, number];
  /** A driver leaves the cab for the safety booth while an automated crane works the truck. */
  safetyBoothMinutes: [number, number];
  gate: {
    ocrProcessingSeconds: number;
    manualProcessingSeconds: number;
    outProcessingSeconds: number;
    troubleShare: number;
    customsExitCheckSeconds: [number, number];
  };
  faults: Partial<Record<EquipmentKind, FaultSpec>>;
}

export const DEFAULT_CONFIG: SimulationConfig = {
  seed: 1,
  warmUpHours: 30,
  positionIntervalMs: 1_000,
  stationaryReportIntervalMs: 10_000,
  // 40 calls a week, some 7,300 moves a day: about 4 M TEU a year on 2.1 km of quay.
  vessels: {
    feeder: {
      lengthM: 172,
      beamM: 27,
      draughtM: 9.5,
      moves: [350, 650],
      cranes: 2,
      callsPerWeek: 13,
    },
    regional: {
      lengthM: 260,
      beamM: 37,
      draughtM: 12.5,
      moves: [800, 1_400],
      cranes: 3,
      callsPerWeek: 13,
    },
    mainline: {
      lengthM: 300,
      beamM: 45,
      draughtM: 14,
      moves: [1_600, 2_400],
      cranes: 4,
      callsPerWeek: 10,
    },
    large: {
      lengthM: 335,
      beamM: 49,
      draughtM: 15.5,
      moves: [2_200, 3_200],
      cranes: 4,
      callsPerWeek: 4,
    },
  },
  arrivalSpreadHours: 2,
  lateArrivalShare: 0.1,
  cargo: {
    dischargeShare: 0.5,
    dischargeFlows: { import: 0.55, transshipment: 0.25, empty: 0.2 },
    loadFlows: { export: 0.6, transshipment: 0.25, empty: 0.15 },
    reeferShare: 0.08,
    dangerousShare: 0.03,
    fortyFootShare: 0.6,
    directPickupShare: 0.04,
    directLoadingShare: 0.03,
    dualTransactionShare: 0.35,
    importDwellDays: 4,
  },
  customs: {
    channelShares: { green: 0.88, yellow: 0.08, red: 0.04 },
    aeoShare: 0.35,
    aeoSelectionFactor: 0.25,
    scanEscalationShare: 0.06,
    examinationHoldShare: 0.1,
  },
  fleet: { agvs: 110, terminalTrucks: 8, hauliers: 1_500 },
  agvsPerCrane: 5,
  // A good STS cycle is 80-100 s (40 moves an hour net); delays bring gross to about 30.
  quayCraneCycleSeconds: { median: 88, sigma: 0.25 },
  yardCraneCycleSeconds: { median: 70, sigma: 0.3 },
  // Remote-controlled moves onto and off trucks' chassis are slower than to AGVs, and the
  // driver (un)locks the twistlocks at the block.
  landsideCycleFactor: 2.5,
  remoteOperators: 12,
  twistlockMinutes: [4, 7],
  safetyBoothMinutes: [3, 5],
  gate: {
    ocrProcessingSeconds: 60,
    manualProcessingSeconds: 210,
    outProcessingSeconds: 30,
    troubleShare: 0.02,
    customsExitCheckSeconds: [20, 60],
  },
  faults: {
    sts: { mtbfHours: 60, repairMedianMinutes: 25 },
    yard_crane: { mtbfHours: 80, repairMedianMinutes: 30 },
    agv: { mtbfHours: 40, repairMedianMinutes: 20 },
    truck: { mtbfHours: 150, repairMedianMinutes: 30 },
    scanner: { mtbfHours: 200, repairMedianMinutes: 45 },
  },
};

/** The chance of each risk channel for a declarant, AEO or not. */
export function channelChances(
  customs: SimulationConfig['customs'],
  aeo: boolean,
): Record<RiskChannel, number> {
  const factor = aeo ? customs.aeoSelectionFactor : 1;
  const yellow = customs.channelShares.yellow * factor;
  const red = customs.channelShares.red * factor;
  return { green: 1 - yellow - red, yellow, red };
}

export type ConfigOverrides = {
  [K in keyof SimulationConfig]?: SimulationConfig[K] extends object
    ? { [L in keyof SimulationConfig[K]]?: Partial<SimulationConfig[K][L]> }
    : SimulationConfig[K];
};

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function merge(base: unknown, override: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(override))
    return override === undefined ? base : override;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) out[key] = merge(base[key], value);
  return out;
}

/** The defaults with the given parts replaced (objects merged key by key). */
export function configWith(overrides: ConfigOverrides = {}): SimulationConfig {
  return merge(DEFAULT_CONFIG, overrides) as SimulationConfig;
}
