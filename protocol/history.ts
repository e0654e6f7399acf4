// What the console asks about one thing's past: search hits, a container's story, a
// machine's state timeline and moves, a lane's queue, the berth schedule. Times are
// epoch milliseconds (UTC); places are port-model ids; positions WGS84 [lon, lat].
import Type, { type Static } from 'typebox';

/** One search hit: enough to label it in a list and fly to it. */
export const SearchHit = Type.Object({
  kind: Type.Enum(['container', 'vessel', 'equipment']),
  /** The container number, the vessel's MMSI, or the equipment id. */
  id: Type.String(),
  /** What the user reads: the number, the vessel's name, the machine's id. */
  label: Type.String(),
  /** A second line: IMO/MMSI, the last place a box was seen, a machine's kind. */
  detail: Type.Optional(Type.String()),
  /** Where to fly to, when known. */
  position: Type.Optional(Type.Tuple([Type.Number(), Type.Number()])),
  /** A container only: in the terminal now (such hits come first). */
  inTerminal: Type.Optional(Type.Boolean()),
});
export type SearchHit = Static<typeof SearchHit>;

export const SearchResult = Type.Object({ query: Type.String(), hits: Type.Array(SearchHit) });
export type SearchResult = Static<typeof SearchResult>;

/** One logged event in a thing's history, in words the UI can translate. */
export const HistoryEntry = Type.Object({
  timeMs: Type.Number(),
  /** 'container', 'gate', 'inspection', 'customs', 'port_call', 'equipment_state'. */
  type: Type.String(),
  /** The event's own code: DISC, DROP, arrived, selected_scan, ATA-Berth, working, ... */
  code: Type.String(),
  /** Where it happened (berth, block, lane), when known. */
  placeId: Type.Optional(Type.String()),
  /** The machine, call or vehicle involved, when known. */
  by: Type.Optional(Type.String()),
  /** Anything else worth a line (an outcome, a fault reason). */
  note: Type.Optional(Type.String()),
});
export type HistoryEntry = Static<typeof HistoryEntry>;

export const CUSTOMS_STATUSES = [
  'none',
  'declared',
  'selected_scan',
  'selected_inspection',
  'released',
  'held',
] as const;

export const ContainerHistory = Type.Object({
  containerNumber: Type.String(),
  isoEquipmentCode: Type.Optional(Type.String()),
  flow: Type.Optional(Type.String()),
  /** In the terminal now (arrived and not yet loaded or gated out). */
  inTerminal: Type.Boolean(),
  /** The last place it was seen (a block while it stands in the yard). */
  lastPlaceId: Type.Optional(Type.String()),
  /** That place's centre, to fly to. */
  position: Type.Optional(Type.Tuple([Type.Number(), Type.Number()])),
  customs: Type.Object({
    status: Type.Enum([...CUSTOMS_STATUSES]),
    channel: Type.Optional(Type.Enum(['green', 'yellow', 'red'])),
    declarationId: Type.Optional(Type.String()),
    sinceMs: Type.Optional(Type.Number()),
  }),
  /** Oldest first; at most the last 500. */
  events: Type.Array(HistoryEntry),
});
export type ContainerHistory = Static<typeof ContainerHistory>;

/** A span of one state: from fromMs until toMs (absent while it lasts). */
export const StateSpan = Type.Object({
  state: Type.String(),
  fromMs: Type.Number(),
  toMs: Type.Optional(Type.Number()),
  reason: Type.Optional(Type.String()),
  callId: Type.Optional(Type.String()),
});
export type StateSpan = Static<typeof StateSpan>;

export const EquipmentHistory = Type.Object({
  equipmentId: Type.String(),
  fromMs: Type.Number(),
  toMs: Type.Number(),
  /** The state timeline over the window (the span in force at fromMs included). */
  states: Type.Array(StateSpan),
  /** Container moves by this machine in the window, and per hour for a bar chart. */
  moves: Type.Number(),
  movesPerHour: Type.Array(Type.Object({ hourMs: Type.Number(), moves: Type.Number() })),
  /** Its most recent moves, newest first (at most 20). */
  recentMoves: Type.Array(HistoryEntry),
});
export type EquipmentHistory = Static<typeof EquipmentHistory>;

export const LaneHistory = Type.Object({
  laneId: Type.String(),
  fromMs: Type.Number(),
  toMs: Type.Number(),
  /**
   * Waiting now, or at toMs if the window ends earlier (gate: trucks arrived and not yet
   * started; inspection: queued, not started).
   */
  queueNow: Type.Number(),
  /** The queue length through the window, sampled every 5 minutes. */
  queue: Type.Array(Type.Object({ timeMs: Type.Number(), length: Type.Number() })),
  /** Transactions completed in the window. */
  completed: Type.Number(),
  recent: Type.Array(HistoryEntry),
});
export type LaneHistory = Static<typeof LaneHistory>;

/** One vessel call as the berth schedule shows it. */
export const ScheduledCall = Type.Object({
  callId: Type.String(),
  vesselName: Type.Optional(Type.String()),
  vesselImo: Type.String(),
  mmsi: Type.Optional(Type.String()),
  berthId: Type.Optional(Type.String()),
  /** Latest estimate/plan of arrival at and departure from the berth. */
  etaMs: Type.Optional(Type.Number()),
  etdMs: Type.Optional(Type.Number()),
  /** Actuals: all fast (ATB), cargo operations started/completed, last line (ATD). */
  atbMs: Type.Optional(Type.Number()),
  opsStartMs: Type.Optional(Type.Number()),
  opsEndMs: Type.Optional(Type.Number()),
  atdMs: Type.Optional(Type.Number()),
  plannedMoves: Type.Optional(Type.Number()),
  movesDone: Type.Number(),
});
export type ScheduledCall = Static<typeof ScheduledCall>;

export const BerthSchedule = Type.Object({
  fromMs: Type.Number(),
  toMs: Type.Number(),
  calls: Type.Array(ScheduledCall),
});
export type BerthSchedule = Static<typeof BerthSchedule>;
