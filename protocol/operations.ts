// The operations picture: what the map colours and counts at the port's places, as the
// live state has it now. Small (one entry per berth, block and lane), sent about once a
// second beside the KPIs; each supersedes the last.

/**
 * free: no vessel; alongside: a vessel is made fast but not working cargo; working:
 * cargo operations under way; delayed: still alongside past its estimated departure.
 */
export const BERTH_STATUSES = ['free', 'alongside', 'working', 'delayed'] as const;
export type BerthStatusCode = (typeof BERTH_STATUSES)[number];

export interface BerthStatus {
  berthId: string;
  status: BerthStatusCode;
  /** The call alongside, when there is one. */
  callId?: string;
  vesselName?: string;
  vesselImo?: string;
  mmsi?: string;
  /** All fast (ATA-Berth). */
  alongsideSinceMs?: number;
  /** The latest estimated departure (ETD-Berth). */
  etdMs?: number;
  movesDone?: number;
  plannedMoves?: number;
  /** Quay cranes allocated to the call now. */
  cranes?: number;
}

export interface BlockFill {
  blockId: string;
  boxes: number;
  teu: number;
  capacityTeu: number;
  /** teu / capacityTeu, 0..1 (more when over-stacked). */
  fill: number;
}

export interface LaneQueue {
  laneId: string;
  /** Trucks (gate lane) or boxes (inspection lane) waiting, not yet being served. */
  waiting: number;
  /** Being served now (inspection lanes; gate lanes report no service start to end). */
  inService: number;
}

/** Containers that went from one place to another in the recent window (the arcs). */
export interface ContainerFlowArc {
  fromId: string;
  toId: string;
  /** Boxes over the window. */
  boxes: number;
}

export interface OperationsPicture {
  atMs: number;
  berths: BerthStatus[];
  blocks: BlockFill[];
  lanes: LaneQueue[];
  flows: ContainerFlowArc[];
  /** The span flows are counted over, ending at atMs. */
  flowWindowMs: number;
}
