import type { FrameDecoder } from './types';
import { storedFrameFromNativeBytes } from './fromNativeBytes';

/** Uncompressed syntaxes; deflated data sets arrive here already inflated (see pixelSource). */
export const nativeDecoder: FrameDecoder = {
  name: 'Native (uncompressed)',
  codec: 'native',
  encapsulated: false,
  decode(frame, image) {
    if (frame.kind !== 'native') throw new Error('Native decoder was given encapsulated data.');
    return storedFrameFromNativeBytes(frame.bytes, image, { bitOffset: frame.bitOffset });
  },
};
