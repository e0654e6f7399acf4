// The map view survives reloads: it is kept per screen (console, wall) and restored, and
// the map never moves by itself after that. Only a first visit fits the port.
export interface SavedView {
  center: [number, number];
  zoom: number;
  bearing: number;
  pitch: number;
}

/** Where the map keeps its view: the browser's storage per screen, or the replay's address. */
export interface ViewStore {
  load(): SavedView | undefined;
  save(view: SavedView): void;
}

const key = (screen: string) => `quayside.view.${screen}`;

export function loadView(
  screen: string,
  storage: Pick<Storage, 'getItem'> | undefined,
): SavedView | undefined {
  try {
    const parsed = JSON.parse(storage?.getItem(key(screen)) ?? 'null') as Partial<SavedView> | null;
    if (
      parsed &&
      Array.isArray(parsed.center) &&
      parsed.center.length === 2 &&
      parsed.center.every(Number.isFinite) &&
      [parsed.zoom, parsed.bearing, parsed.pitch].every(Number.isFinite)
    )
      return parsed as SavedView;
  } catch {
    // A damaged entry is ignored: the map fits the port instead.
  }
  return undefined;
}

export function saveView(
  screen: string,
  view: SavedView,
  storage: Pick<Storage, 'setItem'> | undefined,
): void {
  storage?.setItem(key(screen), JSON.stringify(view));
}
