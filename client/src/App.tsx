import { useEffect, useMemo, useState } from 'react';
import type { PortModel } from '../../protocol/port-model.ts';
import { MESSAGES } from './i18n.ts';
import { EntityBuffers } from './live/entity-buffers.ts';
import { connectLiveSource } from './live/live-source.ts';
import { VesselRegistry } from './live/vessel-registry.ts';
import { useMapStyle } from './map/basemap.ts';
import { PortMap } from './map/PortMap.tsx';
import { AlertList } from './panels/AlertList.tsx';
import { DetailsPane } from './panels/DetailsPane.tsx';
import { ContainerPane } from './panels/ContainerPane.tsx';
import { SearchBox } from './panels/SearchBox.tsx';
import { containerOfSelection } from './panels/search-hits.ts';
import { Legend } from './panels/Legend.tsx';
import { KpiTiles } from './panels/KpiTiles.tsx';
import { BerthTimeline } from './panels/BerthTimeline.tsx';
import { useAppStore } from './state/app-store.ts';
import { loadLayerSettings, saveLayerSettings } from './state/layer-settings.ts';
import { StatusBar, type ScreenLink } from './StatusBar.tsx';
import { Playlist } from './wall/Playlist.tsx';
import { CompareDays } from './replay/CompareDays.tsx';
import { ReplayBar } from './replay/ReplayBar.tsx';
import { useReplay } from './replay/use-replay.ts';
import type { PortSource, PortSourceEvents } from './source/port-source.ts';

const PORT_RETRY_MS = 3_000;
const CLOCK_TICK_MS = 250;
const SCREEN_LINKS: Record<Screen, ScreenLink | undefined> = {
  console: { href: '/replay', word: 'toReplay' },
  replay: { href: '/', word: 'toLive' },
  wall: undefined,
};

/** Loads the port model, retrying until the server answers (it may be restarting). */
function usePortModel(): { model?: PortModel; failed: boolean } {
  const [state, setState] = useState<{ model?: PortModel; failed: boolean }>({ failed: false });
  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async () => {
      try {
        const response = await fetch('/api/v1/port');
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const model = (await response.json()) as PortModel;
        if (!cancelled) setState({ model, failed: false });
      } catch {
        if (cancelled) return;
        setState({ failed: true });
        timer = setTimeout(() => void load(), PORT_RETRY_MS);
      }
    };
    void load();
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, []);
  return state;
}

export type Screen = 'console' | 'wall' | 'replay';

/** The store, as a data source's listener (one for the page's life). */
function storeEvents(): PortSourceEvents {
  const store = useAppStore.getState();
  return {
    onStatus: store.setConnection,
    onData: store.dataReceived,
    onAlerts: store.setOpenAlerts,
    onKpis: store.setKpis,
    onPicture: store.setPicture,
    onJump: store.clockJumped,
    onIncompatible: () => window.location.reload(),
  };
}

/** The live source for the console and the wall. */
function useLiveSource(buffers: EntityBuffers, events: PortSourceEvents, enabled: boolean) {
  const [source, setSource] = useState<PortSource>();
  useEffect(() => {
    if (!enabled) return;
    const live = connectLiveSource(buffers, events);
    setSource(live);
    return () => live.close();
  }, [buffers, events, enabled]);
  return source;
}

/** What panels call "now": the source's clock, a few times a second. */
function useClockInStore(source: PortSource | undefined) {
  useEffect(() => {
    if (!source) return;
    const { setClock } = useAppStore.getState();
    setClock(source.clock());
    const timer = setInterval(() => setClock(source.clock()), CLOCK_TICK_MS);
    return () => clearInterval(timer);
  }, [source]);
}

export function App({ screen }: { screen: Screen }) {
  const { model, failed } = usePortModel();
  const mapStyle = useMapStyle(model);
  const buffers = useMemo(() => new EntityBuffers(), []);
  const registry = useMemo(() => new VesselRegistry(), []);
  const events = useMemo(storeEvents, []);
  const language = useAppStore((s) => s.language);
  const connection = useAppStore((s) => s.connection);
  const selectedBox = containerOfSelection(useAppStore((s) => s.selected));
  const live = useLiveSource(buffers, events, screen !== 'replay');
  const replay = useReplay(model, buffers, events, screen === 'replay');
  const source = screen === 'replay' ? replay.source : live;
  useClockInStore(source);
  const timeZone = model?.properties.timeZone ?? 'UTC';
  const clock = useMemo(() => () => source?.clock() ?? Date.now(), [source]);

  // Names, sizes and statuses of vessels: read at start, every 30 s, and when a new one shows.
  useEffect(() => registry.start(), [registry]);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  // Each screen keeps its own layer choices across reloads.
  useEffect(() => {
    const { setLayers } = useAppStore.getState();
    setLayers(loadLayerSettings(screen, globalThis.localStorage));
    return useAppStore.subscribe((state, previous) => {
      if (state.layers !== previous.layers)
        saveLayerSettings(screen, state.layers, globalThis.localStorage);
    });
  }, [screen]);

  return (
    <div className={`app app-${screen}`} data-connection={connection}>
      <StatusBar link={SCREEN_LINKS[screen]} />
      <div className="workspace">
        <main className="map-area">
          {model && mapStyle ? (
            <>
              <PortMap
                model={model}
                buffers={buffers}
                registry={registry}
                screen={screen}
                style={mapStyle}
                clock={clock}
                {...(screen === 'replay' ? { viewStore: replay.viewStore } : {})}
              />
              <Legend toggles={screen !== 'wall'} />
              {replay.compare && replay.day && (
                <div className="map-overlay-panel">
                  <CompareDays
                    dayA={replay.compare}
                    dayB={replay.day}
                    timeZone={timeZone}
                    onDays={(a, b) => {
                      replay.setCompare(a);
                      replay.setDay(b);
                    }}
                    onClose={() => replay.setCompare(undefined)}
                  />
                </div>
              )}
            </>
          ) : (
            <div className="placeholder">
              {failed ? MESSAGES[language].portFailed : MESSAGES[language].loadingPort}
            </div>
          )}
        </main>
        <aside className="side-panel">
          {screen !== 'wall' && (
            <>
              <SearchBox />
              {selectedBox ? (
                <ContainerPane containerNumber={selectedBox} timeZone={timeZone} />
              ) : (
                <DetailsPane buffers={buffers} timeZone={timeZone} />
              )}
            </>
          )}
          <KpiTiles timeZone={timeZone} />
          {model && <BerthTimeline model={model} />}
          <AlertList timeZone={timeZone} actions={screen === 'console'} />
        </aside>
      </div>
      {source?.playback && model && (
        // One bar per day: its export window belongs to the day it was chosen in.
        <ReplayBar
          key={replay.day}
          playback={source.playback}
          session={replay}
          timeZone={timeZone}
        />
      )}
      {screen === 'wall' && model && <Playlist model={model} />}
    </div>
  );
}
