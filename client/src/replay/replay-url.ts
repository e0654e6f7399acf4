// The replay's address: day, instant, speed, map view and the day compared with, so an
// analyst can send a colleague to the exact moment. Read leniently (a damaged part is
// named and skipped, the rest still applies); written in one canonical form.
import type { SavedView } from '../map/view-memory.ts';
import { isPortDay, type PortDay } from './port-day.ts';
import { REPLAY_SPEEDS, type ReplaySpeed } from './replay-clock.ts';

export interface ReplayAddress {
  day?: PortDay;
  atMs?: number;
  speed?: ReplaySpeed;
  view?: SavedView;
  /** The day compared with `day` (the compare panel is open). */
  compare?: PortDay;
}

export function readReplayAddress(search: string): { address: ReplayAddress; ignored: string[] } {
  const params = new URLSearchParams(search);
  const address: ReplayAddress = {};
  const ignored: string[] = [];
  const day = params.get('day');
  if (day !== null) {
    if (isPortDay(day)) address.day = day;
    else ignored.push(`day=${day}`);
  }
  const at = params.get('at');
  if (at !== null) {
    const ms = /^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:\d{2})$/.test(at) ? Date.parse(at) : Number.NaN;
    if (Number.isFinite(ms)) address.atMs = ms;
    else ignored.push(`at=${at}`);
  }
  const speed = params.get('speed');
  if (speed !== null) {
    const value = Number(speed);
    if ((REPLAY_SPEEDS as readonly number[]).includes(value)) address.speed = value as ReplaySpeed;
    else ignored.push(`speed=${speed}`);
  }
  const view = params.get('view');
  if (view !== null) {
    const parts = view.split(',').map(Number);
    const [lon, lat, zoom, bearing = 0, pitch = 0] = parts;
    const valid =
      (parts.length === 3 || parts.length === 5) &&
      parts.every(Number.isFinite) &&
      Math.abs(lon!) <= 180 &&
      Math.abs(lat!) <= 90 &&
      zoom! >= 0 &&
      zoom! <= 24;
    if (valid) address.view = { center: [lon!, lat!], zoom: zoom!, bearing, pitch };
    else ignored.push(`view=${view}`);
  }
  const compare = params.get('compare');
  if (compare !== null) {
    if (isPortDay(compare)) address.compare = compare;
    else ignored.push(`compare=${compare}`);
  }
  return { address, ignored };
}

const fixed = (value: number, digits: number) => Number(value.toFixed(digits)).toString();

export function writeReplayAddress(address: ReplayAddress): string {
  const params = new URLSearchParams();
  if (address.day) params.set('day', address.day);
  if (address.atMs !== undefined) params.set('at', new Date(address.atMs).toISOString());
  if (address.speed !== undefined) params.set('speed', String(address.speed));
  if (address.view) {
    const { center, zoom, bearing, pitch } = address.view;
    params.set(
      'view',
      [
        fixed(center[0], 6),
        fixed(center[1], 6),
        fixed(zoom, 2),
        fixed(bearing, 1),
        fixed(pitch, 1),
      ].join(','),
    );
  }
  if (address.compare) params.set('compare', address.compare);
  return `?${params.toString()}`;
}
