// Low-frequency UI state (connection, data age, language, KPIs about once a second,
// alerts). Positions never live here: they sit in typed arrays (live/entity-buffers.ts)
// and go straight to deck.gl.
import { create } from 'zustand';
import type { Alert } from '../../../protocol/alerts.ts';
import type { KpiValue } from '../../../protocol/kpi.ts';
import type { OperationsPicture } from '../../../protocol/operations.ts';
import { detectLanguage, type Language } from '../i18n.ts';
import type { SourceStatus } from '../source/port-source.ts';
import { addSample, type KpiSeries } from './kpi-series.ts';
import { ALL_LAYERS_ON, type LayerGroup, type LayerSettings } from './layer-settings.ts';

export type ConnectionStatus = SourceStatus;

const LANGUAGE_KEY = 'quayside.language';

interface AppState {
  connection: ConnectionStatus;
  /** Client clock time of the last data received; undefined before any arrives. */
  lastDataAtMs: number | undefined;
  entityCount: number;
  language: Language;
  /** Alerts not yet resolved, as the server last said. */
  openAlerts: Alert[];
  /** The live KPIs as last pushed, and their recent course. */
  kpis: KpiValue[];
  kpiSeries: KpiSeries;
  kpiSampleMs: number | undefined;
  /** Berth statuses, block fills, lane queues and flows as last pushed. */
  picture: OperationsPicture | undefined;
  /**
   * The instant the picture stands for, from the data source's clock (now when live, the
   * replay clock in replay), a few times a second: what panels call "now".
   */
  clockMs: number;
  /** How many times the clock jumped (seeks): what was drawn along the way starts again. */
  clockJumps: number;
  /** Which layer groups the map shows (remembered per screen, see layer-settings.ts). */
  layers: LayerSettings;
  /**
   * What the details pane shows, if anything: an equipment id, a vessel's MMSI (nine
   * digits), or a place or box with its prefix: "berth:<id>", "lane:<id>", "block:<id>",
   * "container:<number>".
   */
  selected: string | undefined;
  /** The latest request to move the map (search, playlist); `seq` tells a new one apart. */
  viewRequest: ViewRequest | undefined;
  setConnection(status: ConnectionStatus): void;
  dataReceived(entityCount: number): void;
  setLanguage(language: Language): void;
  setOpenAlerts(alerts: Alert[]): void;
  setKpis(kpis: KpiValue[], atMs: number): void;
  setPicture(picture: OperationsPicture): void;
  setClock(atMs: number): void;
  /** The source's clock jumped: the KPIs' recent course no longer leads up to now. */
  clockJumped(atMs: number): void;
  setLayers(layers: LayerSettings): void;
  setLayer(group: LayerGroup, shown: boolean): void;
  select(id: string | undefined): void;
  requestView(view: ViewTarget): void;
}

/** Fly to a point (at a zoom) or frame a box [[west, south], [east, north]]. */
export type ViewTarget =
  { center: [number, number]; zoom: number } | { bounds: [[number, number], [number, number]] };
export type ViewRequest = ViewTarget & { seq: number };

export const useAppStore = create<AppState>()((set) => ({
  connection: 'connecting',
  lastDataAtMs: undefined,
  entityCount: 0,
  language: detectLanguage(
    globalThis.localStorage?.getItem(LANGUAGE_KEY) ?? null,
    globalThis.navigator?.languages ?? [],
  ),
  openAlerts: [],
  kpis: [],
  kpiSeries: {},
  kpiSampleMs: undefined,
  picture: undefined,
  setPicture: (picture) => set({ picture }),
  clockMs: Date.now(),
  setClock: (clockMs) => set({ clockMs }),
  clockJumps: 0,
  clockJumped: (clockMs) =>
    set((state) => ({
      clockMs,
      clockJumps: state.clockJumps + 1,
      kpiSeries: {},
      kpiSampleMs: undefined,
    })),
  layers: ALL_LAYERS_ON,
  selected: undefined,
  viewRequest: undefined,
  select: (selected) => set({ selected }),
  requestView: (view) =>
    set((state) => ({ viewRequest: { ...view, seq: (state.viewRequest?.seq ?? 0) + 1 } })),
  setConnection: (connection) => set({ connection }),
  setLayers: (layers) => set({ layers }),
  setLayer: (group, shown) => set((state) => ({ layers: { ...state.layers, [group]: shown } })),
  setKpis: (kpis, atMs) =>
    set((state) => {
      if (kpis.length === 0) return { kpis };
      const { series, sampleMs } = addSample(state.kpiSeries, state.kpiSampleMs, kpis, atMs);
      return { kpis, kpiSeries: series, kpiSampleMs: sampleMs };
    }),
  setOpenAlerts: (openAlerts) => set({ openAlerts }),
  dataReceived: (entityCount) => set({ lastDataAtMs: Date.now(), entityCount }),
  setLanguage: (language) => {
    globalThis.localStorage?.setItem(LANGUAGE_KEY, language);
    set({ language });
  },
}));

/** Data older than this is shown as stale: on a wall display old data must not look live. */
export const STALE_AFTER_MS = 10_000;
