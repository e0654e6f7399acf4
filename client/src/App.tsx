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
import { StatusBar } from './StatusBar.tsx';
import { Playlist } from './wall/Playlist.tsx';

const PORT_RETRY_MS = 3_000;

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

export function App({ screen }: { screen: 'console' | 'wall' }) {
  const { model, failed } = usePortModel();
  const mapStyle = useMapStyle(model);
  const buffers = useMemo(() => new EntityBuffers(), []);
  const registry = useMemo(() => new VesselRegistry(), []);
  const language = useAppStore((s) => s.language);
  const connection = useAppStore((s) => s.connection);
  const selectedBox = containerOfSelection(useAppStore((s) => s.selected));

  useEffect(() => {
    const { setConnection, dataReceived, setOpenAlerts, setKpis, setPicture } =
      useAppStore.getState();
    return connectLiveSource(buffers, {
      onStatus: setConnection,
      onData: dataReceived,
      onAlerts: setOpenAlerts,
      onKpis: setKpis,
      onPicture: setPicture,
      onIncompatible: () => window.location.reload(),
    });
  }, [buffers]);

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
      <StatusBar />
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
              />
              <Legend toggles={screen === 'console'} />
            </>
          ) : (
            <div className="placeholder">
              {failed ? MESSAGES[language].portFailed : MESSAGES[language].loadingPort}
            </div>
          )}
        </main>
        <aside className="side-panel">
          {screen === 'console' && (
            <>
              <SearchBox />
              {selectedBox ? (
                <ContainerPane
                  containerNumber={selectedBox}
                  timeZone={model?.properties.timeZone ?? 'UTC'}
                />
              ) : (
                <DetailsPane buffers={buffers} timeZone={model?.properties.timeZone ?? 'UTC'} />
              )}
            </>
          )}
          <KpiTiles />
          {model && <BerthTimeline model={model} />}
          <AlertList
            timeZone={model?.properties.timeZone ?? 'UTC'}
            actions={screen === 'console'}
          />
        </aside>
      </div>
      {screen === 'wall' && model && <Playlist model={model} />}
    </div>
  );
}
