// The equipment's icons, drawn at run time on a canvas (nothing fetched): one top-down
// silhouette per kind, pointing north, white so deck.gl tints it with the state colour
// (mask mode). Each has its real footprint in metres, so icons grow with the zoom and a
// truck never looks bigger than a crane; a minimum size in pixels keeps them visible.
import type { EquipmentKind } from '../../../protocol/equipment.ts';

const CELL = 64;

/** Footprint along the heading, metres (the icon's height on the ground). */
export const ICON_LENGTH_M: Record<EquipmentKind, number> = {
  truck: 17,
  agv: 15,
  sts: 60, // boom included
  yard_crane: 30,
  scanner: 14,
};

export const ICON_KINDS = Object.keys(ICON_LENGTH_M) as EquipmentKind[];

export interface IconMappingEntry {
  x: number;
  y: number;
  width: number;
  height: number;
  mask: boolean;
}

/** Where each kind's icon lies in the atlas. */
export const ICON_MAPPING: Record<EquipmentKind, IconMappingEntry> = Object.fromEntries(
  ICON_KINDS.map((kind, i) => [kind, { x: i * CELL, y: 0, width: CELL, height: CELL, mask: true }]),
) as Record<EquipmentKind, IconMappingEntry>;

type Draw = (c: CanvasRenderingContext2D) => void;

// Each silhouette in a 64 x 64 cell, nose (or boom) up.
const SILHOUETTES: Record<EquipmentKind, Draw> = {
  truck: (c) => {
    c.fillRect(24, 4, 16, 12); // cab
    c.fillRect(22, 19, 20, 41); // trailer with its box
  },
  agv: (c) => {
    c.beginPath();
    c.moveTo(32, 2);
    c.lineTo(52, 18);
    c.lineTo(52, 62);
    c.lineTo(12, 62);
    c.lineTo(12, 18);
    c.closePath();
    c.fill();
  },
  sts: (c) => {
    c.fillRect(27, 0, 10, 40); // the boom, out over the ship
    c.fillRect(8, 36, 48, 7); // portal beam on the quay
    c.fillRect(8, 36, 8, 28); // legs on the waterside rail...
    c.fillRect(48, 36, 8, 28); // ...and on the landside rail
  },
  yard_crane: (c) => {
    c.fillRect(4, 4, 10, 56); // gantry legs on one rail
    c.fillRect(50, 4, 10, 56); // and on the other
    c.fillRect(4, 26, 56, 12); // the bridge with its trolley
  },
  scanner: (c) => {
    c.fillRect(8, 8, 48, 48);
    c.clearRect(18, 18, 28, 28); // the portal the truck drives through
    c.fillRect(18, 28, 28, 8); // and the X-ray beam across it
  },
};

/** The atlas as a data: URL (browser only; drawn here, never fetched). */
export function drawIconAtlas(): string {
  const canvas = document.createElement('canvas');
  canvas.width = CELL * ICON_KINDS.length;
  canvas.height = CELL;
  const c = canvas.getContext('2d')!;
  ICON_KINDS.forEach((kind, i) => {
    c.save();
    c.translate(i * CELL, 0);
    c.fillStyle = '#ffffff';
    SILHOUETTES[kind](c);
    c.restore();
  });
  return canvas.toDataURL('image/png');
}
