// What choosing a search hit does: which selection it becomes (the store's contract:
// "container:<number>", a vessel's MMSI, a machine's id) and where the map flies to.
import type { SearchHit } from '../../../protocol/history.ts';
import type { ViewTarget } from '../state/app-store.ts';
import { word, type Words } from './history-words.ts';

const CONTAINER_PREFIX = 'container:';
/** Close enough to read a block's rows, a ship's hull, a machine among its neighbours. */
const ZOOM: Record<SearchHit['kind'], number> = { container: 17.5, vessel: 16, equipment: 18 };

export const selectionForHit = (hit: SearchHit): string =>
  hit.kind === 'container' ? `${CONTAINER_PREFIX}${hit.id}` : hit.id;

/** The container number a selection names, if it names one. */
export const containerOfSelection = (selected: string | undefined): string | undefined =>
  selected?.startsWith(CONTAINER_PREFIX) ? selected.slice(CONTAINER_PREFIX.length) : undefined;

export const viewForHit = (hit: SearchHit): ViewTarget | undefined =>
  hit.position ? { center: hit.position, zoom: ZOOM[hit.kind] } : undefined;

/** The hit's second line: a box's last place and whether it is here, a machine's kind. */
export function hitDetail(hit: SearchHit, t: Words): string | undefined {
  if (hit.kind === 'equipment' && hit.detail !== undefined)
    return word(t, `kind_${hit.detail}`) ?? hit.detail;
  if (hit.kind === 'container' && hit.inTerminal !== undefined)
    return [hit.inTerminal ? t.inTerminal : t.leftTerminal, hit.detail].filter(Boolean).join(' · ');
  return hit.detail;
}
