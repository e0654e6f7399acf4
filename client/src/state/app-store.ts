// Low-frequency UI state (connection, data age, language). Positions never live here:
// they sit in typed arrays (live/entity-buffers.ts) and go straight to deck.gl.
import { create } from 'zustand';
import type { Alert } from '../../../protocol/alerts.ts';
import { detectLanguage, type Language } from '../i18n.ts';

export type ConnectionStatus = 'connecting' | 'live' | 'offline';

const LANGUAGE_KEY = 'quayside.language';

interface AppState {
  connection: ConnectionStatus;
  /** Client clock time of the last data received; undefined before any arrives. */
  lastDataAtMs: number | undefined;
  entityCount: number;
  language: Language;
  /** Alerts not yet resolved, as the server last said. */
  openAlerts: Alert[];
  setConnection(status: ConnectionStatus): void;
  dataReceived(entityCount: number): void;
  setLanguage(language: Language): void;
  setOpenAlerts(alerts: Alert[]): void;
}

export const useAppStore = create<AppState>()((set) => ({
  connection: 'connecting',
  lastDataAtMs: undefined,
  entityCount: 0,
  language: detectLanguage(
    globalThis.localStorage?.getItem(LANGUAGE_KEY) ?? null,
    globalThis.navigator?.languages ?? [],
  ),
  openAlerts: [],
  setConnection: (connection) => set({ connection }),
  setOpenAlerts: (openAlerts) => set({ openAlerts }),
  dataReceived: (entityCount) => set({ lastDataAtMs: Date.now(), entityCount }),
  setLanguage: (language) => {
    globalThis.localStorage?.setItem(LANGUAGE_KEY, language);
    set({ language });
  },
}));

/** Data older than this is shown as stale: on a wall display old data must not look live. */
export const STALE_AFTER_MS = 10_000;
