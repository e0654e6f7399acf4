// A machine's state spans as the pieces of a strip: each clipped to the window (the one
// open ends at the window's end), placed as fractions of the window's width.
import type { StateSpan } from '../../../../protocol/history.ts';
import type { EquipmentState } from '../../../../protocol/equipment.ts';
import { STATE_COLOURS } from '../../map/deck-layers.ts';

export interface StripPiece {
  span: StateSpan;
  /** 0..1 of the window. */
  from: number;
  to: number;
}

export function stripPieces(
  spans: readonly StateSpan[],
  fromMs: number,
  toMs: number,
): StripPiece[] {
  const x = (ms: number) => (Math.min(toMs, Math.max(fromMs, ms)) - fromMs) / (toMs - fromMs);
  return spans
    .map((span) => ({ span, from: x(span.fromMs), to: x(span.toMs ?? toMs) }))
    .filter((piece) => piece.to > piece.from);
}

/** The map's colour of a state, as CSS; a state the map does not know is grey. */
export function stateColour(state: string): string {
  const rgba = STATE_COLOURS[state as EquipmentState] as readonly number[] | undefined;
  const [r, g, b] = rgba ?? [90, 100, 110];
  return `rgb(${r}, ${g}, ${b})`;
}
