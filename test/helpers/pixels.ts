// Reading a screenshot's pixels, to check that things are drawn where they should be.
import { PNG } from 'pngjs';

export type Rgb = readonly [number, number, number];

export interface Picture {
  width: number;
  height: number;
  at(x: number, y: number): Rgb;
}

export function decodePng(buffer: Buffer): Picture {
  const png = PNG.sync.read(buffer);
  return {
    width: png.width,
    height: png.height,
    at: (x, y) => {
      const i = (Math.round(y) * png.width + Math.round(x)) * 4;
      return [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
    },
  };
}

const close = (a: Rgb, b: Rgb, tolerance: number) =>
  Math.abs(a[0] - b[0]) + Math.abs(a[1] - b[1]) + Math.abs(a[2] - b[2]) <= tolerance;

/** Whether any pixel within `radius` of (x, y) is one of the colours. */
export function colourNear(
  picture: Picture,
  x: number,
  y: number,
  colours: readonly Rgb[],
  radius = 6,
  tolerance = 60,
): boolean {
  for (let dy = -radius; dy <= radius; dy += 1)
    for (let dx = -radius; dx <= radius; dx += 1) {
      const px = x + dx;
      const py = y + dy;
      if (px < 0 || py < 0 || px >= picture.width || py >= picture.height) continue;
      const pixel = picture.at(px, py);
      if (colours.some((colour) => close(pixel, colour, tolerance))) return true;
    }
  return false;
}
