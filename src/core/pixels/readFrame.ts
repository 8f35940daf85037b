import type { FileAccess } from '../io';
import type { DicomFile } from '../model';
import { findFrameDecoder } from './decoderRegistry';
import type { EncodedFrame, FrameDecoder } from './decoders/types';
import { fragmentsOfFrame, readFragments } from './encapsulatedFrames';
import { describeImage, nativeFrameSpan, PixelDataError, pixelDataTooShort, type ImageDescription } from './imageDescription';
import { describePartialFrame, padFrameBytes, type PartialFrame } from './partialFrame';
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
  readFrame(index: number, options?: ReadFrameOptions): Promise<StoredFrame>;
}

export interface ReadFrameOptions {
  /**
   * Decode a native frame whose bytes end early instead of throwing: the missing bytes read as
   * zeros and the frame carries `partial` (the viewer draws it; `render` still refuses it).
   */
  readonly allowPartial?: boolean;
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
  if ('unsupported' in decoder) throw new PixelDataError(`Transfer syntax ${image.transferSyntax.name} (${uid}) cannot be decoded: ${decoder.unsupported}.`);
  if (decoder.encapsulated !== Boolean(image.pixelData.fragments)) {
    throw new PixelDataError(`Pixel Data is ${image.pixelData.fragments ? '' : 'not '}encapsulated, but ${image.transferSyntax.name} says otherwise.`);
  }
  const palette = image.photometric === 'PALETTE COLOR' ? await readPalette(file.dataSet, source, image.transferSyntax.littleEndian, image.signed) : undefined;
  return {
    image,
    decoder,
    source,
    palette,
    async readFrame(index, options = {}) {
      if (decoder.encapsulated || decoder.locateFrame) return decoder.decode(await locateFrame(image, decoder, source, index), image);
      const { encoded, partial } = await locateNativeFrame(image, source, index, options.allowPartial === true);
      const frame = await decoder.decode(encoded, image);
      return partial ? { ...frame, partial } : frame;
    },
  };
}

export async function locateFrame(image: ImageDescription, decoder: FrameDecoder, source: FileAccess, index: number): Promise<EncodedFrame> {
  if (decoder.locateFrame) return decoder.locateFrame(image, index, source);
  if (decoder.encapsulated) return readFragments(fragmentsOfFrame(image, index), source, index);
  return (await locateNativeFrame(image, source, index, false)).encoded;
}

/** A native frame's bytes; when they end early, either an error or (allowPartial) the bytes padded with zeros. */
async function locateNativeFrame(image: ImageDescription, source: FileAccess, index: number, allowPartial: boolean): Promise<{ encoded: EncodedFrame; partial?: PartialFrame }> {
  const span = nativeFrameSpan(image, index);
  const bytes = span.declaredBytes > 0 ? await source.read(span.offset, span.declaredBytes) : new Uint8Array(0);
  if (bytes.length === span.length) return { encoded: { kind: 'native', bytes, bitOffset: span.bitOffset } };
  const endOfFile = bytes.length < span.declaredBytes;
  if (!allowPartial || bytes.length === 0) {
    if (!endOfFile) throw pixelDataTooShort(image, index);
    throw new PixelDataError(`Frame ${index + 1} runs past the end of the file: ${bytes.length} of ${span.length} bytes are there.`);
  }
  const cause = endOfFile ? `the file ends at byte ${span.offset + bytes.length}` : `Pixel Data declares ${image.pixelData.length} bytes`;
  return {
    encoded: { kind: 'native', bytes: padFrameBytes(bytes, span.length), bitOffset: span.bitOffset },
    partial: describePartialFrame(image, index, bytes.length, span.length, span.bitOffset, cause),
  };
}
