// Low-frequency UI state (connection, data age, language). Positions never live here:
// they sit in typed arrays (live/entity-buffers.ts) and go straight to deck.gl.
import { create } from 'zustand';
import { detectLanguage, type Language } from '../i18n.ts';

export type ConnectionStatus = 'connecting' | 'live' | 'offline';

const LANGUAGE_KEY = 'quayside.language';

interface AppState {
  connection: ConnectionStatus;
  /** Client clock time of the last data received; undefined before any arrives. */
  lastDataAtMs: number | undefined;
  entityCount: number;
  language: Language;
  setConnection(status: ConnectionStatus): void;
  dataReceived(entityCount: number): void;
  setLanguage(language: Language): void;
}

export const useAppStore = create<AppState>()((set) => ({
  connection: 'connecting',
  lastDataAtMs: undefined,
  entityCount: 0,
  language: detectLanguage(
    globalThis.localStorage?.getItem(LANGUAGE_KEY) ?? null,
    globalThis.navigator?.languages ?? [],
  ),
  setConnection: (connection) => set({ connection }),
  dataReceived: (entityCount) => set({ lastDataAtMs: Date.now(), entityCount }),
  setLanguage: (language) => {
    globalThis.localStorage?.setItem(LANGUAGE_KEY, language);
    set({ language });
  },
}));

/** Data older than this is shown as stale: on a wall display old data must not look live. */
export const STALE_AFTER_MS = 10_000;
