// What the details pane's selection names (see `selected` in state/app-store.ts): a
// machine by its id, a vessel by its nine-digit MMSI, or a place or box by its prefix.
export type Selection =
  | { kind: 'equipment'; id: string }
  | { kind: 'vessel'; mmsi: string }
  | { kind: 'lane'; id: string }
  | { kind: 'berth'; id: string }
  | { kind: 'block'; id: string }
  /** "container:<number>": its own pane (not this one) shows a box. */
  | { kind: 'container'; id: string }
  /** Another prefix: no history view here. */
  | { kind: 'place'; id: string };

const PREFIXED = /^([a-z]+):(.+)$/;

export function parseSelection(selected: string): Selection {
  if (/^\d{9}$/.test(selected)) return { kind: 'vessel', mmsi: selected };
  const prefixed = PREFIXED.exec(selected);
  if (!prefixed) return { kind: 'equipment', id: selected };
  const [, prefix, id] = prefixed as unknown as [string, string, string];
  if (prefix === 'lane' || prefix === 'berth' || prefix === 'block' || prefix === 'container')
    return { kind: prefix, id };
  return { kind: 'place', id: selected };
}
