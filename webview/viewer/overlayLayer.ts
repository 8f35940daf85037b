/**
 * Overlay planes (60xx) as an image-sized layer the canvas draws over the pixels: set bits are
 * opaque white (dcmj2pnm's default Replace mode draws the brightest value), the rest clear.
 * One layer per loaded frame, built when first drawn.
 */
import { burnOverlays, type OverlayBitmap } from '../../src/core/display/overlays';
import type { LoadedFrame } from './frameStore';

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
  // Opaque white where a plane is set, transparent elsewhere: the same burn as `render`, on RGBA.
  const image = new ImageData(width, height);
  burnOverlays(image.data, width, height, 4, bitmaps);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  canvas.getContext('2d')!.putImageData(image, 0, 0);
  return canvas;
}
