import type { FileAccess } from '../io';
import type { DicomFile } from '../model';
import { findFrameDecoder } from './decoderRegistry';
import type { EncodedFrame, FrameDecoder } from './decoders/types';
import { fragmentsOfFrame, readFragments } from './encapsulatedFrames';
import { describeImage, nativeFrameSpan, PixelDataError, type ImageDescription } from './imageDescription';
import { readPalette, type Palette } from './palette';
import type { StoredFrame } from './storedFrame';

/**
 * Everything needed to read frames of one image: its description, where its bytes are
 * (model positions; inflated for deflated files), its decoder, and its palette if any.
 */
export interface PixelReader {
  readonly image: ImageDescription;
  readonly decoder: FrameDecoder;
  readonly source: FileAccess;
  readonly palette?: Palette;
  readFrame(index: number): Promise<StoredFrame>;
}

/**
 * Prepares frame reading for a parsed file; throws PixelDataError naming what is unsupported.
 * `source` addresses bytes the way the model does: `openDicom(...).source` (the file itself,
 * or for a deflated file the meta group followed by the inflated data set).
 */
export async function openPixelReader(file: DicomFile, source: FileAccess): Promise<PixelReader> {
  const image = describeImage(file);
  const uid = image.transferSyntax.uid;
  const decoder = findFrameDecoder(uid);
  if (!decoder) throw new PixelDataError(`Transfer syntax ${image.transferSyntax.name} (${uid}) cannot be decoded yet.`);
  if (decoder.encapsulated !== Boolean(image.pixelData.fragments)) {
    throw new PixelDataError(`Pixel Data is ${image.pixelData.fragments ? '' : 'not '}encapsulated, but ${image.transferSyntax.name} says otherwise.`);
  }
  const palette = image.photometric === 'PALETTE COLOR' ? await readPalette(file.dataSet, source, image.transferSyntax.littleEndian, image.signed) : undefined;
  return {
    image,
    decoder,
    source,
    palette,
    async readFrame(index) {
      const encoded = await locateFrame(image, decoder, source, index);
      return decoder.decode(encoded, image);
    },
  };
}

export async function locateFrame(image: ImageDescription, decoder: FrameDecoder, source: FileAccess, index: number): Promise<EncodedFrame> {
  if (decoder.locateFrame) return decoder.locateFrame(image, index, source);
  if (decoder.encapsulated) return readFragments(fragmentsOfFrame(image, index), source, index);
  const span = nativeFrameSpan(image, index);
  const bytes = await source.read(span.offset, span.length);
  if (bytes.length < span.length) {
    throw new PixelDataError(`Frame ${index + 1} runs past the end of the file: ${bytes.length} of ${span.length} bytes are there.`);
  }
  return { kind: 'native', bytes, bitOffset: span.bitOffset };
}
