import { decodeRleFrame } from '../rleLossless';
import { storedFrameFromNativeBytes } from './fromNativeBytes';
import type { FrameDecoder } from './types';

export const rleDecoder: FrameDecoder = {
  name: 'RLE Lossless',
  codec: 'rle',
  encapsulated: true,
  decode(frame, image) {
    if (frame.kind !== 'encapsulated') throw new Error('RLE decoder was given native data.');
    const planes = decodeRleFrame(frame.bytes, {
      pixels: image.rows * image.columns,
      samplesPerPixel: image.samplesPerPixel,
      bitsAllocated: image.bitsAllocated,
    });
    // RLE keeps each sample's bytes in its own segments; the result is planar, little endian.
    // Colour RLE data is full-resolution even when the header says YBR_FULL_422 (PS3.5 G.2).
    const photometric = image.photometric === 'YBR_FULL_422' ? 'YBR_FULL' : image.photometric;
    return storedFrameFromNativeBytes(planes, image, { littleEndian: true, planarConfiguration: 1, photometric });
  },
};
