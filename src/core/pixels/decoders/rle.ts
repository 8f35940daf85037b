import { hex } from '../../parse/errors';
import { fileOffsetOf } from '../codestreamOffset';
import { PixelDataError } from '../imageDescription';
import { decodeRleFrame, RleError } from '../rleLossless';
import { storedFrameFromNativeBytes } from './fromNativeBytes';
import type { FrameDecoder } from './types';

export const rleDecoder: FrameDecoder = {
  name: 'RLE Lossless',
  codec: 'rle',
  encapsulated: true,
  decode(frame, image) {
    if (frame.kind !== 'encapsulated') throw new Error('RLE decoder was given native data.');
    let planes: Uint8Array;
    try {
      planes = decodeRleFrame(frame.bytes, { pixels: image.rows * image.columns, samplesPerPixel: image.samplesPerPixel, bitsAllocated: image.bitsAllocated });
    } catch (problem) {
      if (!(problem instanceof RleError)) throw problem;
      const where = problem.codestreamOffset === undefined ? `its first fragment at ${hex(frame.offset)}` : `file offset ${hex(fileOffsetOf(frame, problem.codestreamOffset))}`;
      throw new PixelDataError(`Frame ${frame.index + 1}: ${problem.message.replace(/\.$/, '')} (${where}).`, 'rle-invalid');
    }
    // RLE keeps each sample's bytes in its own segments; the result is planar, little endian.
    // Colour RLE data is full-resolution even when the header says YBR_FULL_422 (PS3.5 G.2).
    const photometric = image.photometric === 'YBR_FULL_422' ? 'YBR_FULL' : image.photometric;
    return storedFrameFromNativeBytes(planes, image, { littleEndian: true, planarConfiguration: 1, photometric });
  },
};
