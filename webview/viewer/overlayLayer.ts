/**
 * Overlay planes (60xx) as an image-sized layer the canvas draws over the pixels: set bits are
 * opaque white (dcmj2pnm's default Replace mode draws the brightest value), the rest clear.
 * One layer per loaded frame, built when first drawn.
 */
import type { OverlayBitmap } from '../../src/core/display/overlays';
import type { LoadedFrame } from './frameStore';

const SET = 0xffffffff;
const layers = new WeakMap<LoadedFrame, HTMLCanvasElement | null>();

/** The frame's overlay layer (image size), or null when no plane goes with the frame. */
export function overlayLayer(loaded: LoadedFrame): HTMLCanvasElement | null {
  const known = layers.get(loaded);
  if (known !== undefined) return known;
  const layer = loaded.overlays.length ? drawLayer(loaded.overlays, loaded.frame.width, loaded.frame.height) : null;
  layers.set(loaded, layer);
  return layer;
}

function drawLayer(bitmaps: readonly OverlayBitmap[], width: number, height: number): HTMLCanvasElement {
  const image = new ImageData(width, height);
  const words = new Uint32Array(image.data.buffer);
  for (const b of bitmaps) {
    for (let r = 0; r < b.rows; r++) {
      const y = b.top + r;
      if (y < 0 || y >= height) continue;
      for (let c = 0; c < b.columns; c++) {
        const x = b.left + c;
        if (x >= 0 && x < width && b.bits[r * b.columns + c]) words[y * width + x] = SET;
      }
    }
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  canvas.getContext('2d')!.putImageData(image, 0, 0);
  return canvas;
}
