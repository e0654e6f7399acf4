// Which layers a screen shows, each toggled from the legend and remembered per screen
// (console, wall) across reloads. A group names the base-map layers (port-style.ts ids)
// and the deck.gl layers it covers.
export const LAYER_GROUPS = {
  water: { base: ['water', 'anchorage', 'channel', 'pilot-boarding-place'], deck: [] },
  land: { base: ['land', 'terminals', 'quay'], deck: [] },
  roads: { base: ['roads'], deck: [] },
  berths: { base: ['berths'], deck: ['berth-status', 'berth-labels'] },
  yard: { base: ['yard-blocks'], deck: ['yard-heat'] },
  gates: {
    base: ['gates', 'gate-lanes', 'inspection-area', 'inspection-lanes'],
    deck: ['lane-queues', 'lane-queue-counts'],
  },
  equipment: { base: ['sts-cranes'], deck: ['equipment'] },
  vessels: {
    base: [],
    deck: [
      'vessel-markers',
      'vessel-hulls',
      'vessel-hull-outlines',
      'vessel-unknown-heading',
      'vessel-labels',
    ],
  },
  flows: { base: [], deck: ['flow-arcs', 'flow-trails'] },
  alerts: { base: [], deck: ['alert-pulses'] },
} as const satisfies Record<string, { base: readonly string[]; deck: readonly string[] }>;

export type LayerGroup = keyof typeof LAYER_GROUPS;
export type LayerSettings = Record<LayerGroup, boolean>;

export const ALL_LAYERS_ON = Object.fromEntries(
  Object.keys(LAYER_GROUPS).map((group) => [group, true]),
) as LayerSettings;

const key = (screen: string) => `quayside.layers.${screen}`;

/** The screen's settings, every group on unless it was turned off (damaged entries ignored). */
export function loadLayerSettings(
  screen: string,
  storage: Pick<Storage, 'getItem'> | undefined,
): LayerSettings {
  try {
    const saved = JSON.parse(storage?.getItem(key(screen)) ?? '{}') as Record<string, unknown>;
    const settings = { ...ALL_LAYERS_ON };
    for (const group of Object.keys(settings) as LayerGroup[])
      if (typeof saved[group] === 'boolean') settings[group] = saved[group];
    return settings;
  } catch {
    return { ...ALL_LAYERS_ON };
  }
}

export function saveLayerSettings(
  screen: string,
  settings: LayerSettings,
  storage: Pick<Storage, 'setItem'> | undefined,
): void {
  storage?.setItem(key(screen), JSON.stringify(settings));
}

/** Whether a deck.gl layer id is shown under these settings (ids of no group always are). */
export function deckLayerVisible(settings: LayerSettings, layerId: string): boolean {
  for (const [group, { deck }] of Object.entries(LAYER_GROUPS))
    if ((deck as readonly string[]).includes(layerId)) return settings[group as LayerGroup];
  return true;
}
