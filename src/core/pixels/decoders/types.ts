import type { PixelCodecName } from '../../dictionary/uids';
import type { FileAccess } from '../../io';
import type { ImageDescription } from '../imageDescription';
import type { StoredFrame } from '../storedFrame';

/** The bytes of one frame as the file holds them. */
export type EncodedFrame =
  /** Native data: the frame's byte range; 1-bit frames may start at `bitOffset` in the first byte. */
  | { readonly kind: 'native'; readonly bytes: Uint8Array; readonly bitOffset: number }
  /**
   * Encapsulated data: the values of the fragments that make up the frame, joined in order
   * (the codestream), and where each fragment starts in it and in the file.
   */
  | {
      readonly kind: 'encapsulated';
      readonly bytes: Uint8Array;
      /** Where each fragment's value starts in `bytes`. */
      readonly fragmentStarts: ArrayLike<number>;
      /** Offset of the first fragment's item tag (model positions), and the frame, for messages. */
      readonly offset: number;
      readonly index: number;
      /** Where each fragment's value starts (model positions), to place codestream bytes in the file. */
      readonly valueOffsets: ArrayLike<number>;
    };

/**
 * A decoder for one family of transfer syntaxes, named by the transfer-syntax registry's
 * `pixels` column. Compressed-syntax decoders (JPEG, JPEG-LS, JPEG 2000, HTJ2K) load their
 * codec lazily inside `decode`, and may replace how frames are found with `locateFrame` (for
 * example by scanning codestream markers when there is no offset table).
 */
export interface FrameDecoder {
  readonly name: string;
  readonly codec: PixelCodecName;
  readonly encapsulated: boolean;
  decode(frame: EncodedFrame, image: ImageDescription): StoredFrame | Promise<StoredFrame>;
  locateFrame?(image: ImageDescription, index: number, source: FileAccess): Promise<EncodedFrame>;
}
