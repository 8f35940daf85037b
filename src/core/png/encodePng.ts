import { encode } from 'fast-png';
import type { RenderedImage } from '../display/renderFrame';

/** PNG bytes of a rendered frame (8-bit grey or RGB), through fast-png (pure JS, browser-safe). */
export function encodePng(image: RenderedImage): Uint8Array {
  return encode({ width: image.width, height: image.height, data: image.data, channels: image.channels, depth: 8 });
}
