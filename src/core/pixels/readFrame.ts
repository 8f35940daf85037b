import type { FileAccess } from '../io';
import type { DicomFile } from '../model';
import { findFrameDecoder } from './decoderRegistry';
import type { EncodedFrame, FrameDecoder } from './decoders/types';
import { fragmentsOfFrame, readFragments } from './encapsulatedFrames';
import { checkDataSuffices, checkDecodeLimit, DEFAULT_DECODE_LIMIT_MIB } from './decodeBudget';
import { checkFrameIndex, describeImage, nativeFrameSpan, PixelDataError, pixelDataTooShort, type ImageDescription } from './imageDescription';
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

export interface PixelReaderOptions {
  /** Working memory one frame's decode may take, in MiB (default DEFAULT_DECODE_LIMIT_MIB). */
  readonly decodeLimitMiB?: number;
}

/**
 * Prepares frame reading for a parsed file; throws PixelDataError naming what is unsupported.
 * `source` addresses bytes the way the model does: `openDicom(...).source` (the file itself,
 * or for a deflated file the meta group followed by the inflated data set).
 */
export async function openPixelReader(file: DicomFile, source: FileAccess, options: PixelReaderOptions = {}): Promise<PixelReader> {
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
    async readFrame(index, frameOptions = {}) {
      checkFrameIndex(image, index);
      // The budget is checked from the header before any byte of the frame is read or decoded.
      checkDecodeLimit(image, decoder.codec, options.decodeLimitMiB ?? DEFAULT_DECODE_LIMIT_MIB, index);
      if (decoder.encapsulated || decoder.locateFrame) {
        const encoded = await locateFrame(image, decoder, source, index);
        if (encoded.kind === 'encapsulated') checkDataSuffices(image, decoder.codec, encoded.bytes.length, index);
        return decoder.decode(encoded, image);
      }
      const { encoded, partial } = await locateNativeFrame(image, source, index, frameOptions.allowPartial === true);
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
  // Read only what the file holds: a declared length past its end must not size the buffer.
  const inFile = Math.max(0, Math.min(span.declaredBytes, (await source.size()) - span.offset));
  const bytes = inFile > 0 ? await source.read(span.offset, inFile) : new Uint8Array(0);
  if (bytes.length === span.length) return { encoded: { kind: 'native', bytes, bitOffset: span.bitOffset } };
  const endOfFile = bytes.length < span.declaredBytes;
  if (!allowPartial || bytes.length === 0) {
    if (!endOfFile) throw pixelDataTooShort(image, index);
    throw new PixelDataError(`Frame ${index + 1} at offset ${span.offset} runs past the end of the file: ${bytes.length} of ${span.length} bytes are there.`, 'frame-past-end-of-file');
  }
  const cause = endOfFile ? `the file ends at byte ${span.offset + bytes.length}` : `Pixel Data declares ${image.pixelData.length} bytes`;
  return {
    encoded: { kind: 'native', bytes: padFrameBytes(bytes, span.length), bitOffset: span.bitOffset },
    partial: describePartialFrame(image, index, bytes.length, span.length, span.bitOffset, cause),
  };
}
